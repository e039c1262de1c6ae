package org.tessera.identity.rest.dto;

import org.tessera.identity.domain.DirectorySyncResult;

/** Keycloak's counts of one sync; {@code error} says why it failed when {@code ok} is false. */
public record SyncResultResponse(boolean ok, String mode, String at, int added, int updated, int removed, int failed, String status, String error) {

  public static SyncResultResponse from(DirectorySyncResult r) {
    return new SyncResultResponse(r.ok(), r.mode(), r.at().toString(), r.added(), r.updated(), r.removed(), r.failed(), r.status(), r.error());
  }
}
