package org.tessera.identity.domain;

import java.time.Instant;

/** A token as its owner sees it later: no secret; {@code lastUsedAt} and {@code revokedAt} may be null. */
public record AccessTokenSummary(String id, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {}
