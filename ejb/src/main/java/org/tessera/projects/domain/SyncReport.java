package org.tessera.projects.domain;

import java.util.List;

/**
 * What a fetch or commit of a working copy did, or why it did nothing.
 *
 * @param conflicts files changed locally and on the server; non-empty with {@code applied == false}
 *     means the caller must choose a {@link ConflictResolution} (fetch) or proceed or leave them out
 *     (commit)
 * @param applied whether the working copy was changed
 * @param updated files the server's changes wrote or deleted locally
 * @param keptBoth the {@code (USER's conflicted file)} copies written by {@link ConflictResolution#BOTH}
 * @param commitId the new commit on the server, for a commit
 */
public record SyncReport(List<String> conflicts, boolean applied, List<String> updated, List<String> keptBoth, String serverRevision, String commitId) {

  public boolean hasConflicts() {
    return !conflicts.isEmpty();
  }
}
