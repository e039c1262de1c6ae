package org.tessera.runtime.infrastructure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Settings of the {@code kubernetes} runtime, from system properties or environment variables (as
 * {@code PlatformSettings} in the web module reads the platform's). Reading them connects nowhere.
 *
 * @param namespace where workloads are created
 * @param kubeconfig a kubeconfig file; empty for client-java's standard search ({@code KUBECONFIG},
 *     {@code ~/.kube/config}, then the Pod's service account when Tessera runs in the cluster)
 * @param editorImage image of session Pods ({@code ${EDITOR_IMAGE}}): Jupyter and git
 * @param gitImage image of the init container that clones the project ({@code ${GIT_IMAGE}})
 * @param appImage image of deployed apps and job runs ({@code ${APP_IMAGE}})
 * @param publicUrl Tessera's public base URL, the origin browsers send to sessions
 */
public record KubernetesSettings(
    String namespace, Optional<Path> kubeconfig, String editorImage, String gitImage, String appImage, String publicUrl) {

  /** The setting that selects a runtime: {@code tessera.runtime} / {@code TESSERA_RUNTIME}. */
  public static final String RUNTIME_PROPERTY = "tessera.runtime";

  /** Written by Kubernetes into every Pod that has a service account token. */
  private static final Path IN_CLUSTER_NAMESPACE = Path.of("/var/run/secrets/kubernetes.io/serviceaccount/namespace");

  // Jupyter's docker-stacks image has Notebook 7, git and conda, and runs as a non-root user (the
  // templates require runAsNonRoot), so it serves for the clone and for apps until a site sets its own.
  private static final String DEFAULT_EDITOR_IMAGE = "quay.io/jupyter/minimal-notebook:latest";

  public KubernetesSettings {
    if (namespace == null || namespace.isBlank()) {
      throw new IllegalArgumentException("The kubernetes runtime needs a namespace.");
    }
    kubeconfig = kubeconfig == null ? Optional.empty() : kubeconfig;
  }

  /** True when the settings select the {@code kubernetes} runtime; the platform's default is {@code local}. */
  public static boolean selected() {
    return value(RUNTIME_PROPERTY, "TESSERA_RUNTIME").filter("kubernetes"::equalsIgnoreCase).isPresent();
  }

  public static KubernetesSettings fromEnvironment() {
    String editor = value("tessera.kubernetes.editor-image", "TESSERA_KUBERNETES_EDITOR_IMAGE").orElse(DEFAULT_EDITOR_IMAGE);
    return new KubernetesSettings(
        value("tessera.kubernetes.namespace", "TESSERA_KUBERNETES_NAMESPACE").or(KubernetesSettings::inClusterNamespace).orElse("tessera"),
        value("tessera.kubernetes.kubeconfig", "TESSERA_KUBERNETES_KUBECONFIG").map(Path::of),
        editor,
        value("tessera.kubernetes.git-image", "TESSERA_KUBERNETES_GIT_IMAGE").orElse(editor),
        value("tessera.kubernetes.app-image", "TESSERA_KUBERNETES_APP_IMAGE").orElse(editor),
        value("tessera.public-url", "TESSERA_PUBLIC_URL").orElse("http://localhost:8080"));
  }

  private static Optional<String> inClusterNamespace() {
    try {
      return Files.isReadable(IN_CLUSTER_NAMESPACE) ? Optional.of(Files.readString(IN_CLUSTER_NAMESPACE).strip()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> value(String property, String env) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      value = System.getenv(env);
    }
    return Optional.ofNullable(value).filter(v -> !v.isBlank()).map(String::strip);
  }
}
