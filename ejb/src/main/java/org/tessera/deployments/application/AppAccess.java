package org.tessera.deployments.application;

import java.time.Instant;

/**
 * The proxy's answer for a caller and a deployment: the status to give (200 to go on), what to
 * say otherwise, and until when the answer holds (a token's expiry).
 */
public record AppAccess(int status, String deploymentId, String projectId, String message, Instant validUntil) {

  static AppAccess allow(String deploymentId, String projectId, Instant validUntil) {
    return new AppAccess(200, deploymentId, projectId, null, validUntil);
  }

  static AppAccess refuse(int status, String deploymentId, String projectId, String message) {
    return new AppAccess(status, deploymentId, projectId, message, Instant.MAX);
  }

  public boolean allowed() {
    return status == 200;
  }
}
