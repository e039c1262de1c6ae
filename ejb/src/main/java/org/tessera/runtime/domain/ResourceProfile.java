package org.tessera.runtime.domain;

import java.util.Map;

/**
 * The seed's resource profile: limits for CPU (Kubernetes quantity, e.g. {@code 2} or {@code 500m}),
 * memory ({@code 4Gi}, {@code 512Mi}) and NVIDIA GPUs, and the node selector that places GPU
 * workloads on GPU nodes.
 */
public record ResourceProfile(String name, String description, boolean userVisible, String cpu, String memory, int gpus, Map<String, String> nodeSelector) {

  public ResourceProfile {
    nodeSelector = nodeSelector == null ? Map.of() : Map.copyOf(nodeSelector);
  }
}
