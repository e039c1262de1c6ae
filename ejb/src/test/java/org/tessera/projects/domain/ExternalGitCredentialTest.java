package org.tessera.projects.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** What a user may enter as their external git credentials. */
class ExternalGitCredentialTest {

  @Test
  void aUserNameAndATokenAreAccepted() {
    assertThatCode(() -> ExternalGitCredential.validate("ada-git", "ghp_abcdefghijklmnopqrstuvwxyz0123456789")).doesNotThrowAnyException();
  }

  @Test
  void eachBadFieldIsNamedWithWhatIsAllowed() {
    assertThatThrownBy(() -> ExternalGitCredential.validate(" ", "t")).isInstanceOfSatisfying(InvalidProjectRequestException.class,
        e -> assertThat(e.field()).isEqualTo("username"));
    assertThatThrownBy(() -> ExternalGitCredential.validate("ada:x", "t")).hasMessageContaining("may not contain ':'");
    assertThatThrownBy(() -> ExternalGitCredential.validate("ada", null)).isInstanceOfSatisfying(InvalidProjectRequestException.class,
        e -> assertThat(e.field()).isEqualTo("token")).hasMessageContaining("personal access token");
    assertThatThrownBy(() -> ExternalGitCredential.validate("ada", "two words")).hasMessageContaining("no spaces");
    assertThatThrownBy(() -> ExternalGitCredential.validate("ada", "x".repeat(ExternalGitCredential.MAX_TOKEN + 1))).hasMessageContaining("at most");
  }

  @Test
  void replacingKeepsTheUserAndStripsTheName() {
    ExternalGitCredential credential = new ExternalGitCredential("ada", " ada-git ", "v1:sealed", OffsetDateTime.of(2026, 1, 1, 12, 0, 0, 0, ZoneOffset.ofHours(2)));
    credential.replace("ada2", "v1:other", OffsetDateTime.of(2026, 1, 2, 0, 0, 0, 0, ZoneOffset.UTC));

    assertThat(credential.username()).isEqualTo("ada");
    assertThat(credential.gitUsername()).isEqualTo("ada2");
    assertThat(credential.encryptedToken()).isEqualTo("v1:other");
    assertThat(credential.updatedAt().getOffset()).isEqualTo(ZoneOffset.UTC);
  }
}
