package org.tessera.runtime.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Path;
import org.tessera.projects.infrastructure.JGitProjectFiles;
import org.tessera.runtime.domain.WorkloadRuntime;
import org.tessera.runtime.infrastructure.GpuInventory;
import org.tessera.runtime.infrastructure.KubernetesRuntime;
import org.tessera.runtime.infrastructure.KubernetesSettings;
import org.tessera.runtime.infrastructure.LocalRuntime;

/**
 * The runtime this installation uses, chosen by {@code tessera.runtime} / {@code TESSERA_RUNTIME}:
 * {@code local} (the default) runs workloads as processes of this host under the data directory;
 * {@code kubernetes} as Pods (see deployments/README.md), connecting only when chosen.
 */
@ApplicationScoped
public class Runtimes {

  private volatile WorkloadRuntime runtime;

  @Produces
  public WorkloadRuntime runtime() {
    WorkloadRuntime chosen = runtime;
    if (chosen == null) {
      synchronized (this) {
        if (runtime == null) {
          runtime = create(setting());
        }
        chosen = runtime;
      }
    }
    return chosen;
  }

  static String setting() {
    String value = System.getProperty("tessera.runtime", System.getenv().getOrDefault("TESSERA_RUNTIME", "local"));
    return value == null || value.isBlank() ? "local" : value.strip();
  }

  private static WorkloadRuntime create(String name) {
    if (name.equals("local")) {
      Path workloads = JGitProjectFiles.root().resolveSibling("workloads");
      return new LocalRuntime(workloads, GpuInventory.detect());
    }
    if (name.equals("kubernetes")) {
      try {
        return KubernetesRuntime.connect(KubernetesSettings.fromEnvironment());
      } catch (java.io.IOException e) {
        throw new IllegalStateException("Could not reach the Kubernetes API for the kubernetes runtime: " + e.getMessage()
            + ". Check the kubeconfig (tessera.kubernetes.kubeconfig) or the in-cluster service account.", e);
      }
    }
    throw new IllegalStateException("Runtime '" + name + "' is unknown; set tessera.runtime (TESSERA_RUNTIME) to local or kubernetes.");
  }
}
