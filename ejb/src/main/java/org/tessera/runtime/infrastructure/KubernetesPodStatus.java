package org.tessera.runtime.infrastructure;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStateTerminated;
import io.kubernetes.client.openapi.models.V1ContainerStateWaiting;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodCondition;
import io.kubernetes.client.openapi.models.V1PodStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.tessera.runtime.domain.WorkloadPhase;
import org.tessera.runtime.domain.WorkloadStatus;

/** Reads a workload's status from its Pod's phase, conditions and container states. */
final class KubernetesPodStatus {

  // Waiting reasons that mean the kubelet is simply getting on with it.
  private static final Set<String> ORDINARY_WAITING = Set.of("ContainerCreating", "PodInitializing");
  private static final Set<String> IMAGE_PROBLEMS = Set.of("ErrImagePull", "ImagePullBackOff", "InvalidImageName", "ErrImageNeverPull");

  private KubernetesPodStatus() {}

  static WorkloadStatus of(V1Pod pod, String namespace) {
    Map<String, String> labels = Objects.requireNonNullElse(pod.getMetadata().getLabels(), Map.of());
    Map<String, String> annotations = Objects.requireNonNullElse(pod.getMetadata().getAnnotations(), Map.of());
    String id = labels.get(KubernetesRuntime.WORKLOAD_LABEL);
    String profile = annotations.getOrDefault(KubernetesRuntime.PROFILE_ANNOTATION, "(none)");
    Instant created = instant(pod.getMetadata().getCreationTimestamp(), Instant.now());

    if (pod.getMetadata().getDeletionTimestamp() != null) {
      return new WorkloadStatus(id, WorkloadPhase.STOPPED, "stopping", instant(pod.getMetadata().getDeletionTimestamp(), created), null, 0);
    }
    V1PodStatus status = pod.getStatus() == null ? new V1PodStatus() : pod.getStatus();
    String phase = Objects.requireNonNullElse(status.getPhase(), "Pending");

    Optional<String> failure = failure(status, profile);
    if (failure.isPresent() || phase.equals("Failed") || phase.equals("Succeeded")) {
      String reason = failure.orElseGet(() -> phase.equals("Succeeded") ? "exited with status 0" : describe(status.getReason(), status.getMessage(), "failed"));
      return new WorkloadStatus(id, WorkloadPhase.FAILED, reason, finished(status).orElse(created), null, 0);
    }

    if (phase.equals("Running")) {
      Optional<V1PodCondition> ready = condition(status, "Ready");
      if (ready.map(c -> "True".equals(c.getStatus())).orElse(false)) {
        int port = port(pod);
        String host = port > 0 ? pod.getMetadata().getName() + "." + namespace + ".svc" : null;
        return new WorkloadStatus(id, WorkloadPhase.RUNNING, null, instant(ready.get().getLastTransitionTime(), created), host, port);
      }
      return new WorkloadStatus(id, WorkloadPhase.STARTING, "started, not ready yet", started(status, created), null, 0);
    }

    Optional<V1PodCondition> scheduled = condition(status, "PodScheduled");
    if (scheduled.isPresent() && "False".equals(scheduled.get().getStatus())) {
      V1PodCondition c = scheduled.get();
      String reason = "Unschedulable".equals(c.getReason()) ? unschedulable(c.getMessage(), profile) : describe(c.getReason(), c.getMessage(), "waiting for a node");
      return new WorkloadStatus(id, WorkloadPhase.PENDING, reason, instant(c.getLastTransitionTime(), created), null, 0);
    }
    for (V1ContainerStatus container : containers(status)) {
      V1ContainerStateWaiting waiting = state(container).getWaiting();
      if (waiting != null && waiting.getReason() != null && !ORDINARY_WAITING.contains(waiting.getReason())) {
        String reason = IMAGE_PROBLEMS.contains(waiting.getReason())
            ? "image " + container.getImage() + " cannot be pulled: " + describe(waiting.getReason(), waiting.getMessage(), "")
            : describe(waiting.getReason(), waiting.getMessage(), "waiting");
        return new WorkloadStatus(id, WorkloadPhase.PENDING, reason, created, null, 0);
      }
    }
    for (V1ContainerStatus init : Objects.requireNonNullElse(status.getInitContainerStatuses(), List.<V1ContainerStatus>of())) {
      if (state(init).getRunning() != null) {
        return new WorkloadStatus(id, WorkloadPhase.STARTING, "checking out the project", started(status, created), null, 0);
      }
    }
    return new WorkloadStatus(id, WorkloadPhase.PENDING, null, created, null, 0);
  }

  /**
   * The scheduler's message ("0/3 nodes are available: 1 Insufficient cpu, 3 Insufficient memory.
   * preemption: ...") in the user's words.
   */
  static String unschedulable(String message, String profile) {
    String text = Objects.requireNonNullElse(message, "");
    List<String> missing = new ArrayList<>();
    if (text.contains("Insufficient memory")) {
      missing.add("memory");
    }
    if (text.contains("Insufficient cpu")) {
      missing.add("CPU");
    }
    if (text.contains("Insufficient nvidia.com/gpu")) {
      missing.add("GPUs");
    }
    if (!missing.isEmpty()) {
      return "not enough " + String.join(" and ", missing) + " on any node for profile " + profile;
    }
    if (text.contains("node affinity/selector")) {
      return "no node matches the node selector of profile " + profile;
    }
    return "no node can run it with profile " + profile + (text.isEmpty() ? "" : ": " + text);
  }

  /** The first container, init containers included, that ended badly or keeps failing. */
  private static Optional<String> failure(V1PodStatus status, String profile) {
    for (V1ContainerStatus init : Objects.requireNonNullElse(status.getInitContainerStatuses(), List.<V1ContainerStatus>of())) {
      V1ContainerStateTerminated t = state(init).getTerminated();
      if (t != null && t.getExitCode() != null && t.getExitCode() != 0) {
        return Optional.of("checking out the project failed: " + exited(t, profile));
      }
    }
    for (V1ContainerStatus container : Objects.requireNonNullElse(status.getContainerStatuses(), List.<V1ContainerStatus>of())) {
      V1ContainerState state = state(container);
      if (state.getTerminated() != null) {
        return Optional.of(exited(state.getTerminated(), profile));
      }
      // Apps run with restartPolicy Always: a crash loop is their way of failing.
      if (state.getWaiting() != null && "CrashLoopBackOff".equals(state.getWaiting().getReason())) {
        V1ContainerStateTerminated last = container.getLastState() == null ? null : container.getLastState().getTerminated();
        return Optional.of("keeps failing" + (last == null ? "" : ": " + exited(last, profile)) + " (" + container.getRestartCount() + " restarts)");
      }
    }
    return Optional.empty();
  }

  private static String exited(V1ContainerStateTerminated t, String profile) {
    String text = "exited with status " + t.getExitCode();
    if ("OOMKilled".equals(t.getReason())) {
      return text + " (OOMKilled): out of memory for profile " + profile;
    }
    return text + (t.getReason() == null ? "" : " (" + t.getReason() + ")") + (t.getMessage() == null ? "" : ": " + t.getMessage().strip());
  }

  private static String describe(String reason, String message, String fallback) {
    if (message != null && !message.isBlank()) {
      return reason == null ? message : reason + ": " + message;
    }
    return reason == null ? fallback : reason;
  }

  private static Optional<V1PodCondition> condition(V1PodStatus status, String type) {
    return Objects.requireNonNullElse(status.getConditions(), List.<V1PodCondition>of()).stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  private static List<V1ContainerStatus> containers(V1PodStatus status) {
    List<V1ContainerStatus> all = new ArrayList<>(Objects.requireNonNullElse(status.getInitContainerStatuses(), List.of()));
    all.addAll(Objects.requireNonNullElse(status.getContainerStatuses(), List.of()));
    return all;
  }

  private static V1ContainerState state(V1ContainerStatus container) {
    return container.getState() == null ? new V1ContainerState() : container.getState();
  }

  private static Optional<Instant> finished(V1PodStatus status) {
    return containers(status).stream()
        .map(c -> state(c).getTerminated())
        .filter(t -> t != null && t.getFinishedAt() != null)
        .map(t -> t.getFinishedAt().toInstant())
        .findFirst();
  }

  private static Instant started(V1PodStatus status, Instant fallback) {
    return instant(status.getStartTime(), fallback);
  }

  private static int port(V1Pod pod) {
    List<V1Container> containers = pod.getSpec() == null ? List.of() : pod.getSpec().getContainers();
    return containers.stream()
        .flatMap(c -> Objects.requireNonNullElse(c.getPorts(), List.<V1ContainerPort>of()).stream())
        .filter(p -> KubernetesRuntime.PORT_NAME.equals(p.getName()))
        .map(V1ContainerPort::getContainerPort)
        .findFirst()
        .orElse(0);
  }

  private static Instant instant(OffsetDateTime time, Instant fallback) {
    return time == null ? fallback : time.toInstant();
  }
}
