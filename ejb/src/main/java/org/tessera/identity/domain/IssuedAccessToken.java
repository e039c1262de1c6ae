package org.tessera.identity.domain;

import java.time.Instant;

/** A token just created: the only time its {@code secret} exists outside the user's hands. */
public record IssuedAccessToken(String id, String name, String secret, Instant createdAt, Instant expiresAt) {

  /** The entity to store beside the one-time view of it. */
  public record WithEntity(AccessToken entity, IssuedAccessToken issued) {}
}
