package org.tessera.deployments.rest.dto;

import org.tessera.deployments.application.DeploymentTokenView;

/** A token; {@code token} (the secret) only in the answer that creates it. */
public record DeploymentTokenResponse(String id, String token, String createdBy, String createdAt, String expiresAt, String lastUsedAt, String revokedAt) {

  public static DeploymentTokenResponse from(DeploymentTokenView view) {
    return new DeploymentTokenResponse(view.id(), view.secret(), view.createdBy(), view.createdAt().toString(), view.expiresAt().toString(),
        view.lastUsedAt() == null ? null : view.lastUsedAt().toString(), view.revokedAt() == null ? null : view.revokedAt().toString());
  }
}
