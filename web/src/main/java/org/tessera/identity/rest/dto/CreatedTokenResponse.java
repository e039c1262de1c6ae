package org.tessera.identity.rest.dto;

import java.time.Instant;
import org.tessera.identity.domain.IssuedAccessToken;

/** A token just created: {@code token} is the secret, returned this once only. */
public record CreatedTokenResponse(String id, String name, String token, Instant createdAt, Instant expiresAt) {

  public static CreatedTokenResponse from(IssuedAccessToken t) {
    return new CreatedTokenResponse(t.id(), t.name(), t.secret(), t.createdAt(), t.expiresAt());
  }
}
