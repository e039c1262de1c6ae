package org.tessera.projects.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** Validation of the external git setting and where it puts each project's repository. */
class ExternalGitSettingsTest {

  private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-01-01T00:00:00Z");
  private static final Project PROJECT =
      new Project(new ProjectId("0123456789abcdef"), "ada", new ProjectName("demo"), null, ProjectTemplate.EMPTY, NOW);

  private static ExternalGitRequest generic(String url) {
    return new ExternalGitRequest("generic", url, null, null, null, "mirror", null, null);
  }

  @Test
  void genericPushesToTheUrlWithTheSeedsDefaultTemplate() {
    ExternalGitSettings settings = ExternalGitSettings.from(generic("http://127.0.0.1:9000/git/"), null, "admin", NOW);

    assertThat(settings.remoteUrl(PROJECT)).isEqualTo("http://127.0.0.1:9000/git/ada-0123456789abcdef.git");
    assertThat(settings.enabled()).isTrue();
    assertThat(settings.repository()).isEqualTo("{owner}-{id}");
  }

  @Test
  void theOrganizationAndTheCredentialUrlMakeTheRemote() {
    ExternalGitSettings settings = ExternalGitSettings.from(
        new ExternalGitRequest("github-v3-api", "https://api.github.com", "https://github.com", "{owner}-{name}-{id}", "acme", "bot", null, true), "v1:sealed", "admin", NOW);

    assertThat(settings.remoteUrl(PROJECT)).isEqualTo("https://github.com/acme/ada-demo-0123456789abcdef.git");
  }

  @Test
  void everyInvalidFieldIsNamedWithWhatToDo() {
    InvalidExternalGitSettingsException e = catchThrowableOfType(InvalidExternalGitSettingsException.class, () -> ExternalGitSettings.from(
        new ExternalGitRequest("gitlab-v4-api", "ftp://x", "not a url", "{owner}", "bad org!", "a:b", null, null), null, "admin", NOW));

    assertThat(e.errors()).containsOnlyKeys("url", "credentialUrl", "repository", "organization", "username", "authToken");
    assertThat(e.errors().get("url")).contains("http:// or https://");
    assertThat(e.errors().get("authToken")).contains("gitlab-v4-api", "set authToken");
  }

  @Test
  void bitbucketIsKnownButRefusedWithTheAlternative() {
    InvalidExternalGitSettingsException e = catchThrowableOfType(InvalidExternalGitSettingsException.class,
        () -> ExternalGitSettings.from(new ExternalGitRequest("bitbucket-v2-api", "https://api.bitbucket.org", null, null, null, null, "t", null), "t", "admin", NOW));

    assertThat(e.errors().get("type")).contains("cannot create repositories", "use type generic");
  }

  @Test
  void aMissingTypeAndUrlAreRequired() {
    InvalidExternalGitSettingsException e = catchThrowableOfType(InvalidExternalGitSettingsException.class,
        () -> ExternalGitSettings.from(new ExternalGitRequest(null, null, null, null, null, null, null, null), null, "admin", NOW));

    assertThat(e.errors()).containsOnlyKeys("type", "url");
    assertThat(e.getMessage()).contains("Choose a type: generic, github-v3-api, gitlab-v4-api.");
  }

  @Test
  void savingWithoutATokenKeepsTheStoredOneAndARefusedSaveChangesNothing() {
    ExternalGitSettings settings = ExternalGitSettings.from(generic("http://a.example"), "v1:first", "admin", NOW);

    settings.apply(generic("http://b.example"), null, "admin", NOW);
    catchThrowableOfType(InvalidExternalGitSettingsException.class, () -> settings.apply(generic("nope"), "v1:second", "admin", NOW));

    assertThat(settings.encryptedToken()).isEqualTo("v1:first");
    assertThat(settings.url()).isEqualTo("http://b.example");
  }
}
