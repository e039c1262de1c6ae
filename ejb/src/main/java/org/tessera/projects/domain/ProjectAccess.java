package org.tessera.projects.domain;

import java.util.Locale;

/** What a user may do with a project, each level including the ones before it. */
public enum ProjectAccess {
  /** Clone, fetch, browse, download, start sessions. */
  READ,
  /** Also push, commit, tag. */
  WRITE,
  /** Also share, transfer, delete: the owner, and administrators. */
  MANAGE;

  public boolean includes(ProjectAccess other) {
    return compareTo(other) >= 0;
  }

  /** Parses {@code read} or {@code write}, the two levels a project can be shared with. */
  public static ProjectAccess shareable(String value) {
    if (value != null) {
      switch (value.strip().toLowerCase(Locale.ROOT)) {
        case "read", "r" -> {
          return READ;
        }
        case "write", "rw", "read-write" -> {
          return WRITE;
        }
        default -> {}
      }
    }
    throw new InvalidCollaboratorException("Permission '" + value + "' is unknown; share with \"read\" or \"write\".");
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
