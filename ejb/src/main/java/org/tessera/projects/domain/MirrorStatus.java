package org.tessera.projects.domain;

import java.time.OffsetDateTime;

/**
 * Where a project is mirrored and how the newest attempts went; times are null when there was none.
 * {@code credentialProblem} says why pushes and pulls cannot work now (the owner has no personal
 * access token for the service), null when nothing is known to be missing.
 */
public record MirrorStatus(
    boolean enabled, String remoteUrl, OffsetDateTime lastPushAt, String lastPushed, OffsetDateTime lastErrorAt, String lastError, OffsetDateTime lastPullAt,
    String credentialProblem) {

  public MirrorStatus withCredentialProblem(String problem) {
    return new MirrorStatus(enabled, remoteUrl, lastPushAt, lastPushed, lastErrorAt, lastError, lastPullAt, problem);
  }
}
