package org.tessera.projects.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of external git service Tessera can mirror projects to, by the seed's names. {@code
 * generic} is any smart-HTTP server that creates a repository on its first push (Gitea, GitLab with
 * push-to-create, a plain {@code git http-backend}); the API types create each repository through
 * the service's REST API first.
 */
public enum ExternalGitType {
  GENERIC("generic"),
  GITHUB_V3("github-v3-api"),
  GITLAB_V4("gitlab-v4-api");

  /** Seed types Tessera knows about but cannot create repositories for yet. */
  static final java.util.Set<String> NOT_IMPLEMENTED = java.util.Set.of("bitbucket-v1-api", "bitbucket-v2-api");

  private final String key;

  ExternalGitType(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public static Optional<ExternalGitType> byKey(String key) {
    String wanted = key == null ? "" : key.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(t -> t.key.equals(wanted)).findFirst();
  }

  /** The keys accepted, for messages. */
  public static String keys() {
    return String.join(", ", Arrays.stream(values()).map(ExternalGitType::key).toList());
  }
}
