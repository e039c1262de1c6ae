package org.tessera.projects.domain;

/**
 * The seed's choices when a fetch meets files changed both in the working copy and on the server
 * (cancelling is simply not choosing).
 */
public enum ConflictResolution {
  /** Keep theirs and pull: the server's version replaces the local edit, which is lost. */
  THEIRS,
  /** Keep mine and pull: the local edit stays and will overwrite the server's version when committed. */
  MINE,
  /** Keep both and pull: the server's version is saved beside the local one as {@code NAME (USER's conflicted file)}. */
  BOTH
}
