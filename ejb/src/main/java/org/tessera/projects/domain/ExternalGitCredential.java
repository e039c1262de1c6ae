package org.tessera.projects.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * A user's own credentials for the external git service (the seed's "External Version Control
 * Credentials": a user name and a personal access token), with which Tessera pushes and pulls the
 * user's projects, so the external service applies that user's access. The token is held only
 * encrypted; encrypting is the caller's job, so that the key never meets the database.
 */
@Entity
@Table(name = "external_git_credential")
public class ExternalGitCredential {

  /** Longest token accepted; GitHub, GitLab and Bitbucket tokens are far shorter. */
  public static final int MAX_TOKEN = 1000;

  @Id
  @Column(length = 255)
  private String username;

  @Column(name = "git_username", nullable = false, length = 255)
  private String gitUsername;

  @Column(name = "token_encrypted", nullable = false, length = 2000)
  private String encryptedToken;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  protected ExternalGitCredential() {}

  /** {@code gitUsername} and {@code token} must have passed {@link #validate}. */
  public ExternalGitCredential(String username, String gitUsername, String encryptedToken, OffsetDateTime now) {
    this.username = username;
    replace(gitUsername, encryptedToken, now);
  }

  /**
   * Checks a user name and a token as the user typed them.
   *
   * @throws InvalidProjectRequestException naming the first bad field
   */
  public static void validate(String gitUsername, String token) {
    if (gitUsername == null || gitUsername.isBlank()) {
      throw new InvalidProjectRequestException("username", "Give your user name on the external git service.");
    }
    if (gitUsername.strip().length() > 255 || gitUsername.contains(":") || gitUsername.chars().anyMatch(c -> c < 0x20 || c == ' ')) {
      throw new InvalidProjectRequestException("username", "The user name may not contain ':', spaces or control characters and has at most 255 characters.");
    }
    if (token == null || token.isBlank()) {
      throw new InvalidProjectRequestException("token", "Give the personal access token you created on the external git service (GitHub personal access token, Bitbucket app password or GitLab access token).");
    }
    if (token.strip().length() > MAX_TOKEN || token.strip().chars().anyMatch(c -> c <= 0x20)) {
      throw new InvalidProjectRequestException("token", "A personal access token has no spaces or control characters and at most " + MAX_TOKEN + " characters; paste it again.");
    }
  }

  public void replace(String gitUsername, String encryptedToken, OffsetDateTime now) {
    this.gitUsername = gitUsername.strip();
    this.encryptedToken = encryptedToken;
    this.updatedAt = now.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
  }

  public String username() {
    return username;
  }

  public String gitUsername() {
    return gitUsername;
  }

  public String encryptedToken() {
    return encryptedToken;
  }

  public OffsetDateTime updatedAt() {
    return updatedAt;
  }
}
