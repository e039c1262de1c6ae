package org.tessera.runtime.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStateRunning;
import io.kubernetes.client.openapi.models.V1ContainerStateTerminated;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodCondition;
import io.kubernetes.client.openapi.models.V1PodStatus;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1Toleration;
import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.util.ClientBuilder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tessera.runtime.domain.ResourceProfile;
import org.tessera.runtime.domain.WorkloadKind;
import org.tessera.runtime.domain.WorkloadPhase;
import org.tessera.runtime.domain.WorkloadSpec;
import org.tessera.runtime.domain.WorkloadStatus;
import org.tessera.runtime.domain.WorkloadUsage;

/**
 * API-level: the runtime against fabric8's Kubernetes mock server in CRUD mode, which stores objects
 * but runs no scheduler or kubelet. The test plays the kubelet by replacing Pod status, and only
 * polls, because the mock serves no watches to client-java. Nothing here proves that a real cluster
 * accepts the objects or runs them.
 */
@EnableKubernetesMockClient(https = false, crud = true)
class KubernetesRuntimeApiLevelTest {

  static KubernetesMockServer server;

  private static final String NAMESPACE = "tessera-test";
  private static final ResourceProfile SMALL = new ResourceProfile("small", "1 CPU, 2 GiB", true, "1", "2Gi", 0, Map.of());
  private static final ResourceProfile GPU = new ResourceProfile("gpu-large", "8 CPU, 32 GiB, 2 GPUs", true, "8", "32Gi", 2, Map.of("nvidia.com/gpu.present", "true"));

  private CoreV1Api api;
  private KubernetesRuntime runtime;

  @BeforeEach
  void connect() {
    ApiClient client = new ClientBuilder().setBasePath(server.url("/").replaceAll("/$", "")).build();
    api = new CoreV1Api(client);
    runtime = new KubernetesRuntime(client, new KubernetesSettings(NAMESPACE, Optional.empty(), "editor:1", "git:1", "app:1", "https://tessera.example"));
  }

  @Test
  void apiLevel_startCreatesSessionPodServiceAndSecretFromTheTemplate() throws ApiException {
    String id = newId();
    WorkloadStatus started = runtime.start(session(id, SMALL, Map.of("data/config.json", "{}")));

    assertThat(started.id()).isEqualTo(id);
    assertThat(started.phase()).isEqualTo(WorkloadPhase.PENDING);

    String name = "tessera-session-" + id;
    V1Pod pod = api.readNamespacedPod(name, NAMESPACE).execute();
    assertThat(pod.getMetadata().getLabels())
        .containsEntry("app", "tessera-session")
        .containsEntry("tessera.org/owner", "alice_example.com")
        .containsEntry("tessera.org/project", "p-42")
        .containsEntry("tessera.org/kind", "session")
        .containsEntry("tessera.org/session", id)
        .containsEntry("tessera.org/workload", id)
        .containsEntry("team", "risk");
    assertThat(pod.getMetadata().getAnnotations()).containsEntry("tessera.org/profile", "small");
    assertThat(pod.getSpec().getAutomountServiceAccountToken()).isFalse();
    assertThat(pod.getSpec().getNodeSelector()).isNullOrEmpty();
    assertThat(pod.getSpec().getTolerations()).isNullOrEmpty();

    V1Container editor = pod.getSpec().getContainers().get(0);
    assertThat(editor.getImage()).isEqualTo("editor:1");
    assertThat(editor.getCommand()).containsExactly("jupyter", "notebook", "--port=8888", "--ServerApp.base_url=/s/" + id + "/");
    assertThat(editor.getPorts().get(0).getContainerPort()).isEqualTo(8888);
    assertThat(editor.getResources().getRequests()).containsEntry("cpu", Quantity.fromString("1")).containsEntry("memory", Quantity.fromString("2Gi"));
    assertThat(editor.getResources().getLimits()).containsEntry("cpu", Quantity.fromString("1")).containsEntry("memory", Quantity.fromString("2Gi")).doesNotContainKey("nvidia.com/gpu");
    assertThat(editor.getEnv()).extracting(V1EnvVar::getName, V1EnvVar::getValue)
        .contains(
            tuple("MPLBACKEND", "Agg"),
            tuple("TESSERA_PORT", "8888"),
            tuple("PROJECT_GIT_URL", "http://tessera-app:8080/git/alice/p-42.git"));
    assertThat(editor.getStartupProbe().getHttpGet().getPath()).isEqualTo("/s/" + id + "/api");

    V1Container clone = pod.getSpec().getInitContainers().get(0);
    assertThat(clone.getName()).isEqualTo("clone-project");
    assertThat(clone.getImage()).isEqualTo("git:1");
    assertThat(clone.getEnv()).extracting(V1EnvVar::getName, V1EnvVar::getValue)
        .contains(
            tuple("PROJECT_GIT_URL", "http://tessera-app:8080/git/alice/p-42.git"),
            tuple("PROJECT_REVISION", "main"));
    assertThat(String.join(" ", clone.getArgs())).contains("git clone").contains("checkout").doesNotContain("s3cret");

    V1Volume git = volume(pod, "git-credentials");
    assertThat(git.getSecret().getSecretName()).isEqualTo(name);
    assertThat(git.getSecret().getItems()).extracting("key").containsExactly("username", "token");
    V1Volume files = volume(pod, "user-credentials");
    assertThat(files.getSecret().getItems()).extracting("key", "path").containsExactly(tuple("file-0", "data/config.json"));

    V1Service service = api.readNamespacedService(name, NAMESPACE).execute();
    assertThat(service.getMetadata().getLabels()).containsEntry("tessera.org/workload", id).containsEntry("tessera.org/owner", "alice_example.com");
    assertThat(service.getSpec().getSelector()).containsEntry("app", "tessera-session").containsEntry("tessera.org/session", id);
    assertThat(service.getSpec().getPorts().get(0).getPort()).isEqualTo(8888);

    V1Secret secret = api.readNamespacedSecret(name, NAMESPACE).execute();
    assertThat(secret.getMetadata().getLabels()).containsEntry("tessera.org/workload", id);
    assertThat(text(secret, "username")).isEqualTo("alice");
    assertThat(text(secret, "token")).isEqualTo("s3cret");
    assertThat(text(secret, "file-0")).isEqualTo("{}");
  }

  @Test
  void apiLevel_gpuProfileGetsGpuLimitNodeSelectorAndToleration() throws ApiException {
    String id = newId();
    runtime.start(session(id, GPU, Map.of()));

    V1Pod pod = api.readNamespacedPod("tessera-session-" + id, NAMESPACE).execute();
    V1Container editor = pod.getSpec().getContainers().get(0);
    assertThat(editor.getResources().getLimits())
        .containsEntry("nvidia.com/gpu", Quantity.fromString("2"))
        .containsEntry("cpu", Quantity.fromString("8"))
        .containsEntry("memory", Quantity.fromString("32Gi"));
    assertThat(pod.getSpec().getNodeSelector()).containsEntry("nvidia.com/gpu.present", "true");
    assertThat(pod.getSpec().getTolerations())
        .extracting(V1Toleration::getKey, V1Toleration::getOperator, V1Toleration::getEffect)
        .containsExactly(tuple("nvidia.com/gpu", "Exists", "NoSchedule"));
    // No files: the files volume would otherwise show the git token to user code.
    assertThat(pod.getSpec().getVolumes()).extracting(V1Volume::getName).doesNotContain("user-credentials");
    assertThat(editor.getVolumeMounts()).extracting("name").doesNotContain("user-credentials");
  }

  @Test
  void apiLevel_appsListenOn8086OrTheirOwnPortAndJobsHaveNoService() throws ApiException {
    String app = newId();
    String custom = newId();
    String job = newId();
    runtime.start(spec(app, WorkloadKind.APP, SMALL, 0, List.of("python", "app.py", "--port", "{port}"), Map.of()));
    runtime.start(spec(custom, WorkloadKind.APP, SMALL, 9000, List.of("python", "app.py", "--port", "{port}"), Map.of()));
    runtime.start(spec(job, WorkloadKind.JOB, SMALL, 0, List.of("python", "train.py"), Map.of()));

    V1Pod appPod = api.readNamespacedPod("tessera-app-" + app, NAMESPACE).execute();
    assertThat(appPod.getMetadata().getLabels()).containsEntry("app", "tessera-deployment").containsEntry("tessera.org/kind", "app");
    assertThat(appPod.getSpec().getContainers().get(0).getCommand()).containsExactly("python", "app.py", "--port", "8086");
    assertThat(appPod.getSpec().getContainers().get(0).getImage()).isEqualTo("app:1");
    assertThat(api.readNamespacedService("tessera-app-" + app, NAMESPACE).execute().getSpec().getPorts().get(0).getPort()).isEqualTo(8086);

    V1Pod customPod = api.readNamespacedPod("tessera-app-" + custom, NAMESPACE).execute();
    assertThat(customPod.getSpec().getContainers().get(0).getCommand()).containsExactly("python", "app.py", "--port", "9000");
    assertThat(customPod.getSpec().getContainers().get(0).getPorts().get(0).getContainerPort()).isEqualTo(9000);
    assertThat(api.readNamespacedService("tessera-app-" + custom, NAMESPACE).execute().getSpec().getPorts().get(0).getPort()).isEqualTo(9000);

    V1Pod jobPod = api.readNamespacedPod("tessera-job-" + job, NAMESPACE).execute();
    assertThat(jobPod.getSpec().getRestartPolicy()).isEqualTo("Never");
    assertThat(jobPod.getMetadata().getLabels()).containsEntry("app", "tessera-job").containsEntry("tessera.org/run", job);
    assertThat(api.listNamespacedService(NAMESPACE).labelSelector("tessera.org/workload=" + job).execute().getItems()).isEmpty();
  }

  @Test
  void apiLevel_statusFollowsThePodThatTheTestUpdatesAsTheKubeletWould() throws ApiException {
    String id = newId();
    String name = "tessera-session-" + id;
    runtime.start(session(id, SMALL, Map.of()));
    assertThat(runtime.status(id)).get().extracting(WorkloadStatus::phase).isEqualTo(WorkloadPhase.PENDING);

    setStatus(name, new V1PodStatus().phase("Pending").addConditionsItem(condition("PodScheduled", "False", "Unschedulable",
        "0/3 nodes are available: 3 Insufficient memory. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.")));
    WorkloadStatus pending = runtime.status(id).orElseThrow();
    assertThat(pending.phase()).isEqualTo(WorkloadPhase.PENDING);
    assertThat(pending.reason()).isEqualTo("not enough memory on any node for profile small");

    setStatus(name, new V1PodStatus().phase("Pending")
        .addConditionsItem(condition("PodScheduled", "True", null, null))
        .addInitContainerStatusesItem(running("clone-project")));
    assertThat(runtime.status(id)).get().extracting(WorkloadStatus::phase, WorkloadStatus::reason)
        .containsExactly(WorkloadPhase.STARTING, "checking out the project");

    setStatus(name, new V1PodStatus().phase("Running")
        .addConditionsItem(condition("PodScheduled", "True", null, null))
        .addConditionsItem(condition("Ready", "False", "ContainersNotReady", "containers with unready status: [editor]"))
        .addContainerStatusesItem(running("editor").ready(false)));
    WorkloadStatus starting = runtime.status(id).orElseThrow();
    assertThat(starting.phase()).isEqualTo(WorkloadPhase.STARTING);
    assertThat(starting.reachable()).isFalse();

    setStatus(name, new V1PodStatus().phase("Running")
        .addConditionsItem(condition("Ready", "True", null, null))
        .addContainerStatusesItem(running("editor").ready(true)));
    WorkloadStatus running = runtime.status(id).orElseThrow();
    assertThat(running.phase()).isEqualTo(WorkloadPhase.RUNNING);
    assertThat(running.host()).isEqualTo(name + "." + NAMESPACE + ".svc");
    assertThat(running.port()).isEqualTo(8888);
    assertThat(running.reachable()).isTrue();

    setStatus(name, new V1PodStatus().phase("Failed")
        .addConditionsItem(condition("Ready", "False", "PodFailed", null))
        .addContainerStatusesItem(new V1ContainerStatus().name("editor").image("editor:1").imageID("").ready(false).restartCount(0)
            .state(new V1ContainerState().terminated(new V1ContainerStateTerminated().exitCode(137).reason("OOMKilled").finishedAt(OffsetDateTime.now())))));
    WorkloadStatus failed = runtime.status(id).orElseThrow();
    assertThat(failed.phase()).isEqualTo(WorkloadPhase.FAILED);
    assertThat(failed.reason()).isEqualTo("exited with status 137 (OOMKilled): out of memory for profile small");
    assertThat(failed.reachable()).isFalse();
  }

  @Test
  void apiLevel_listSelectsByLabelWithValuesMadeValid() {
    String mine = newId();
    String other = newId();
    runtime.start(session(mine, SMALL, Map.of()));
    runtime.start(spec(other, WorkloadKind.SESSION, SMALL, 0, List.of("jupyter", "notebook"), Map.of(), "bob", "p-7"));

    assertThat(runtime.list(Map.of("tessera.org/owner", "Alice@example.com", "tessera.org/kind", "session")))
        .extracting(WorkloadStatus::id).contains(mine).doesNotContain(other);
    assertThat(runtime.list(Map.of("tessera.org/project", "p-7"))).extracting(WorkloadStatus::id).containsExactly(other);
    assertThat(runtime.list(Map.of())).extracting(WorkloadStatus::id).contains(mine, other);
  }

  @Test
  void apiLevel_stopDeletesPodServiceAndSecretAndASecondStopIsHarmless() throws ApiException {
    String id = newId();
    String keep = newId();
    runtime.start(session(id, SMALL, Map.of("a.txt", "x")));
    runtime.start(session(keep, SMALL, Map.of()));

    runtime.stop(id);

    String selector = "tessera.org/workload=" + id;
    assertThat(api.listNamespacedPod(NAMESPACE).labelSelector(selector).execute().getItems()).isEmpty();
    assertThat(api.listNamespacedService(NAMESPACE).labelSelector(selector).execute().getItems()).isEmpty();
    assertThat(api.listNamespacedSecret(NAMESPACE).labelSelector(selector).execute().getItems()).isEmpty();
    assertThat(runtime.status(id)).isEmpty();
    assertThat(runtime.status(keep)).isPresent();

    runtime.stop(id);
    runtime.stop(newId());
    assertThat(runtime.status(keep)).isPresent();
  }

  @Test
  void apiLevel_startingAnIdTwiceIsRefusedAndAStoppedIdCanStartAgain() {
    String id = newId();
    runtime.start(session(id, SMALL, Map.of()));
    assertThatThrownBy(() -> runtime.start(session(id, SMALL, Map.of()))).isInstanceOf(IllegalStateException.class).hasMessageContaining(id);

    runtime.stop(id);
    assertThat(runtime.start(session(id, SMALL, Map.of())).phase()).isEqualTo(WorkloadPhase.PENDING);
  }

  @Test
  void apiLevel_unknownWorkloadHasNoStatusAndNoLogs() {
    String id = newId();
    assertThat(runtime.status(id)).isEmpty();
    assertThat(runtime.logs(id, 100)).isEmpty();
  }

  /**
   * fabric8's mock serves no pod logs: it answers the log subresource with its stored objects as a
   * JSON list, so only the requests are checked here (clone first, then the editor, each with the
   * tail), and that no more lines than asked come back. On a cluster the same calls return the lines.
   */
  @Test
  void apiLevel_logsReadTheCloneThenTheWorkloadThroughThePodLogApi() throws InterruptedException {
    String id = newId();
    runtime.start(session(id, SMALL, Map.of()));
    while (server.takeRequest(0, TimeUnit.SECONDS) != null) {
      // Forget the requests of earlier steps.
    }

    List<String> lines = runtime.logs(id, 1);

    assertThat(lines).hasSizeLessThanOrEqualTo(1);
    List<String> paths = new ArrayList<>();
    for (RecordedRequest request; (request = server.takeRequest(0, TimeUnit.SECONDS)) != null; ) {
      paths.add(request.getPath());
    }
    String log = "/api/v1/namespaces/" + NAMESPACE + "/pods/tessera-session-" + id + "/log?";
    assertThat(paths).filteredOn(path -> path.startsWith(log))
        .satisfiesExactly(
            clone -> assertThat(clone).contains("container=clone-project").contains("tailLines=1"),
            editor -> assertThat(editor).contains("container=editor").contains("tailLines=1"));
  }

  @Test
  void apiLevel_usageIsNotReportedWithoutAMetricsSampleAndLimitsAreEnforcedByTheKubelet() {
    String id = newId();
    runtime.start(session(id, SMALL, Map.of()));

    WorkloadUsage usage = runtime.usage(id);

    assertThat(usage.reported()).isFalse();
    assertThat(usage.cpuCores()).isNull();
    assertThat(usage.source()).startsWith("not reported");
    assertThat(usage.limits()).isEqualTo(WorkloadUsage.Limits.ENFORCED);
  }

  /** The test plays metrics-server by storing a PodMetrics object where the metrics API serves it. */
  @Test
  void apiLevel_usageComesFromTheMetricsApiSummedOverContainers() throws ApiException {
    String id = newId();
    runtime.start(session(id, SMALL, Map.of()));
    Map<String, Object> metrics = Map.of(
        "apiVersion", "metrics.k8s.io/v1beta1",
        "kind", "PodMetrics",
        "metadata", Map.of("name", "tessera-session-" + id, "namespace", NAMESPACE, "labels", Map.of("tessera.org/workload", id)),
        "timestamp", "2026-01-01T00:00:00Z",
        "window", "30s",
        "containers", List.of(
            Map.of("name", "editor", "usage", Map.of("cpu", "250m", "memory", "300Mi")),
            Map.of("name", "sidecar", "usage", Map.of("cpu", "50m", "memory", "20Mi"))));
    new io.kubernetes.client.openapi.apis.CustomObjectsApi(api.getApiClient()).createNamespacedCustomObject("metrics.k8s.io", "v1beta1", NAMESPACE, "pods", metrics).execute();

    WorkloadUsage usage = runtime.usage(id);

    assertThat(usage.source()).isEqualTo("metrics API");
    assertThat(usage.cpuCores()).isEqualTo(0.3);
    assertThat(usage.memoryBytes()).isEqualTo(320L << 20);
    assertThat(runtime.usage(newId()).reported()).as("another workload has no sample").isFalse();
  }

  @Test
  void apiLevel_restartReplacesThePodWithANewOne() throws ApiException {
    String id = newId();
    runtime.start(session(id, SMALL, Map.of()));
    String name = "tessera-session-" + id;
    String firstUid = api.readNamespacedPod(name, NAMESPACE).execute().getMetadata().getUid();
    setStatus(name, new V1PodStatus().phase("Failed"));
    assertThat(runtime.status(id).orElseThrow().phase()).isEqualTo(WorkloadPhase.FAILED);

    WorkloadStatus restarted = runtime.restart(session(id, SMALL, Map.of()));

    assertThat(restarted.phase()).isEqualTo(WorkloadPhase.PENDING);
    assertThat(api.readNamespacedPod(name, NAMESPACE).execute().getMetadata().getUid()).isNotEqualTo(firstUid);
    assertThat(api.readNamespacedService(name, NAMESPACE).execute()).isNotNull();
    assertThat(runtime.restart(session(newId(), SMALL, Map.of())).phase()).as("an unknown workload starts fresh").isEqualTo(WorkloadPhase.PENDING);
  }

  private static WorkloadSpec session(String id, ResourceProfile profile, Map<String, String> files) {
    return new WorkloadSpec(
        id,
        WorkloadKind.SESSION,
        "alice@example.com",
        "p-42",
        "http://alice:s3cret@tessera-app:8080/git/alice/p-42.git",
        "main",
        List.of("jupyter", "notebook", "--port={port}", "--ServerApp.base_url=/s/" + id + "/"),
        Map.of("MPLBACKEND", "Agg", "TESSERA_PORT", "{port}"),
        files,
        profile,
        0,
        Map.of("team", "risk"));
  }

  private static WorkloadSpec spec(String id, WorkloadKind kind, ResourceProfile profile, int port, List<String> command, Map<String, String> files) {
    return spec(id, kind, profile, port, command, files, "alice@example.com", "p-42");
  }

  private static WorkloadSpec spec(String id, WorkloadKind kind, ResourceProfile profile, int port, List<String> command, Map<String, String> files, String owner, String project) {
    return new WorkloadSpec(id, kind, owner, project, "http://tessera-app:8080/git/" + owner + "/" + project + ".git", null, command, Map.of(), files, profile, port, Map.of());
  }

  private void setStatus(String name, V1PodStatus status) throws ApiException {
    V1Pod pod = api.readNamespacedPod(name, NAMESPACE).execute();
    api.replaceNamespacedPodStatus(name, NAMESPACE, pod.status(status)).execute();
  }

  private static V1PodCondition condition(String type, String status, String reason, String message) {
    return new V1PodCondition().type(type).status(status).reason(reason).message(message).lastTransitionTime(OffsetDateTime.now());
  }

  private static V1ContainerStatus running(String container) {
    return new V1ContainerStatus().name(container).image("image").imageID("").ready(false).restartCount(0)
        .state(new V1ContainerState().running(new V1ContainerStateRunning().startedAt(OffsetDateTime.now())));
  }

  private static V1Volume volume(V1Pod pod, String name) {
    return pod.getSpec().getVolumes().stream().filter(v -> v.getName().equals(name)).findFirst().orElseThrow();
  }

  private static String text(V1Secret secret, String key) {
    return new String(secret.getData().get(key), StandardCharsets.UTF_8);
  }

  private static String newId() {
    return UUID.randomUUID().toString().replace("-", "");
  }
}
