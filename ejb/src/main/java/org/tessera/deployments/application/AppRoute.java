package org.tessera.deployments.application;

import java.util.List;
import org.tessera.deployments.domain.TrafficSplit;

/**
 * Where the proxy sends a deployment's requests: its versions that serve now, with their routes,
 * the URL path its program listens under, and the secret it shows the program on the caller's behalf.
 */
public record AppRoute(String deploymentId, String urlPath, String projectId, String secret, List<Backend> backends) {

  /** A version that serves, at {@code host:port}. */
  public record Backend(String versionId, String label, String host, int port, TrafficSplit.Route route) {}
}
