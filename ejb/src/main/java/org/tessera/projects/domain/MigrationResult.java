package org.tessera.projects.domain;

/** One project's line of a migration report; {@code error} is null when it was migrated. */
public record MigrationResult(String projectId, String owner, String name, String remoteUrl, Status status, String error) {

  /** The outcome, written in lower case in reports. */
  public enum Status {
    MIGRATED,
    FAILED
  }
}
