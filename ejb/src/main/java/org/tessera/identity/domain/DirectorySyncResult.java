package org.tessera.identity.domain;

import java.time.Instant;

/**
 * What one sync of a directory did, from Keycloak's answer. {@code error} is null when the sync
 * ran; otherwise it says why it did not and the counts are zero.
 *
 * @param mode {@code full} or {@code changed}
 * @param status Keycloak's summary, e.g. "3 imported users, 0 updated users"
 */
public record DirectorySyncResult(String directoryId, String mode, Instant at, int added, int updated, int removed, int failed, String status, String error) implements java.io.Serializable {

  public boolean ok() {
    return error == null;
  }

  public static DirectorySyncResult failed(String directoryId, String mode, Instant at, String error) {
    return new DirectorySyncResult(directoryId, mode, at, 0, 0, 0, 0, "failed", error);
  }
}
