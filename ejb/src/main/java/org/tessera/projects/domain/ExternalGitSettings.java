package org.tessera.projects.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The external git service projects are mirrored to (the seed's {@code git} section with an
 * external type): one row per installation. {@link #apply} validates a whole request before it
 * changes anything, so a refused save leaves the previous setting as it was. The access token is
 * held only encrypted ({@link #encryptedToken()}); encrypting and decrypting is the caller's job,
 * so that the key never meets the database.
 *
 * <p>Repositories live at {@code {credentialUrl}/{organization}/{repository}.git}; for {@code
 * generic} the credential URL defaults to the URL.
 */
@Entity
@Table(name = "external_git")
public class ExternalGitSettings {

  /** The only row's id. */
  public static final int SINGLETON = 1;

  private static final Pattern ORGANIZATION = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");

  @Id private int id = SINGLETON;

  @Column(nullable = false, length = 32)
  private String type;

  @Column(nullable = false, length = 1000)
  private String url;

  @Column(name = "credential_url", length = 1000)
  private String credentialUrl;

  @Column(name = "repository_template", nullable = false, length = 200)
  private String repository;

  @Column(length = 255)
  private String organization;

  @Column(length = 255)
  private String username;

  @Column(name = "auth_token_encrypted", length = 2000)
  private String encryptedToken;

  @Column(nullable = false)
  private boolean enabled;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Column(name = "updated_by", nullable = false, length = 255)
  private String updatedBy;

  @Version private long version;

  protected ExternalGitSettings() {}

  /** A new setting from a request; see {@link #apply}. */
  public static ExternalGitSettings from(ExternalGitRequest request, String encryptedToken, String actor, OffsetDateTime now) {
    ExternalGitSettings settings = new ExternalGitSettings();
    settings.apply(request, encryptedToken, actor, now);
    return settings;
  }

  /**
   * Replaces every field with the request's, after validating all of them.
   *
   * @param encryptedToken the new token, encrypted; null keeps the stored one
   * @throws InvalidExternalGitSettingsException naming every invalid field
   */
  public void apply(ExternalGitRequest request, String encryptedToken, String actor, OffsetDateTime now) {
    Map<String, String> errors = new LinkedHashMap<>();
    ExternalGitType newType = null;
    if (request.type() == null || request.type().isBlank()) {
      errors.put("type", "Choose a type: " + ExternalGitType.keys() + ".");
    } else if (ExternalGitType.NOT_IMPLEMENTED.contains(request.type().strip())) {
      errors.put("type", "Tessera cannot create repositories through " + request.type().strip()
          + " yet; create the repositories yourself and use type generic, or choose " + ExternalGitType.keys() + ".");
    } else {
      newType = ExternalGitType.byKey(request.type()).orElse(null);
      if (newType == null) {
        errors.put("type", "Unknown type '" + request.type() + "'; choose " + ExternalGitType.keys() + ".");
      }
    }
    httpUrl(request.url(), "url", true, errors);
    boolean needsCredentialUrl = newType != null && newType != ExternalGitType.GENERIC;
    httpUrl(request.credentialUrl(), "credentialUrl", needsCredentialUrl, errors);
    String template = blankToNull(request.repository()) == null ? RepositoryTemplate.DEFAULT : request.repository().strip();
    RepositoryTemplate.problem(template).ifPresent(p -> errors.put("repository", p));
    String org = blankToNull(request.organization());
    if (org != null && (!ORGANIZATION.matcher(org).matches() || org.length() > 255)) {
      errors.put("organization", "The organization may contain letters, digits, '.', '_', '-' and '/' between group names; it is '" + org + "'.");
    }
    if (org == null && newType == ExternalGitType.GITLAB_V4) {
      errors.put("organization", "GitLab needs the group to create repositories in; set organization to its path.");
    }
    String user = blankToNull(request.username());
    if (user != null && (user.length() > 255 || user.contains(":"))) {
      errors.put("username", "The user name may not contain ':' and has at most 255 characters.");
    }
    boolean hasToken = encryptedToken != null || this.encryptedToken != null;
    if (needsCredentialUrl && !hasToken) {
      errors.put("authToken", "The " + newType.key() + " type needs an access token that may create repositories; set authToken.");
    }
    if (!errors.isEmpty()) {
      throw new InvalidExternalGitSettingsException(errors);
    }
    this.type = newType.key();
    this.url = stripSlash(request.url().strip());
    this.credentialUrl = blankToNull(request.credentialUrl()) == null ? null : stripSlash(request.credentialUrl().strip());
    this.repository = template;
    this.organization = org;
    this.username = user;
    if (encryptedToken != null) {
      this.encryptedToken = encryptedToken;
    }
    this.enabled = request.enabled() == null || request.enabled();
    this.updatedAt = now;
    this.updatedBy = actor;
  }

  private static void httpUrl(String value, String field, boolean required, Map<String, String> errors) {
    if (value == null || value.isBlank()) {
      if (required) {
        errors.put(field, "Set " + field + " to the service's http:// or https:// address, e.g. https://git.example.com.");
      }
      return;
    }
    try {
      URI uri = new URI(value.strip());
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
        errors.put(field, field + " must be an http:// or https:// address with a host, e.g. https://git.example.com; it is '" + value + "'.");
      } else if (uri.getUserInfo() != null || uri.getQuery() != null || uri.getFragment() != null) {
        errors.put(field, field + " may not contain a user, a query or a fragment; put the credentials in username and authToken.");
      }
    } catch (URISyntaxException e) {
      errors.put(field, field + " is not a valid address (" + e.getReason() + "); write it like https://git.example.com.");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String stripSlash(String value) {
    return value.replaceAll("/+$", "");
  }

  /** Where a project's repository is pushed and fetched. */
  public String remoteUrl(Project project) {
    String base = credentialUrl == null ? url : credentialUrl;
    String org = organization == null ? "" : "/" + organization;
    return base + org + "/" + repositoryName(project) + ".git";
  }

  /** The repository's name on the service, from the template. */
  public String repositoryName(Project project) {
    return new RepositoryTemplate(repository).expand(project.owner(), project.id(), project.name().value());
  }

  public ExternalGitType type() {
    return ExternalGitType.byKey(type).orElseThrow();
  }

  public String url() {
    return url;
  }

  public String credentialUrl() {
    return credentialUrl;
  }

  public String repository() {
    return repository;
  }

  public String organization() {
    return organization;
  }

  public String username() {
    return username;
  }

  public String encryptedToken() {
    return encryptedToken;
  }

  public boolean enabled() {
    return enabled;
  }

  public OffsetDateTime updatedAt() {
    return updatedAt;
  }

  public String updatedBy() {
    return updatedBy;
  }
}
