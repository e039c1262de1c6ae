package org.tessera.deployments.application;

import java.time.Instant;

/** A deployment token as listed: never its secret. {@code secret} is set only in the answer that creates it. */
public record DeploymentTokenView(String id, String createdBy, Instant createdAt, Instant expiresAt, Instant lastUsedAt, Instant revokedAt, String secret) {}
