package org.tessera.identity.rest.dto;

import java.time.Instant;
import org.tessera.identity.domain.AccessTokenSummary;

/** A token without its secret; {@code status} is live, expired or revoked. */
public record TokenResponse(String id, String name, String status, Instant createdAt, Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {

  public static TokenResponse from(AccessTokenSummary t, Instant now) {
    String status = t.revokedAt() != null ? "revoked" : now.isBefore(t.expiresAt()) ? "live" : "expired";
    return new TokenResponse(t.id(), t.name(), status, t.createdAt(), t.expiresAt(), t.lastUsedAt(), t.revokedAt());
  }
}
