package org.tessera.runtime.infrastructure;

import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1KeyToPath;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1Toleration;
import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.tessera.runtime.domain.ResourceProfile;
import org.tessera.runtime.domain.WorkloadKind;
import org.tessera.runtime.domain.WorkloadRuntime;
import org.tessera.runtime.domain.WorkloadSpec;
import org.tessera.runtime.domain.WorkloadStatus;
import org.tessera.runtime.domain.WorkloadUsage;

/**
 * The {@code kubernetes} runtime: each workload is a Pod {@code tessera-<kind>-<id>} built from the
 * templates in {@code deployments/workloads/}, a Service of the same name for sessions and apps,
 * and a Secret of the same name with the git credentials and the workload's files. It keeps no state
 * of its own: everything is found again through the label {@value #WORKLOAD_LABEL}.
 *
 * <p>A plain class, not a CDI bean: it is created only when {@code tessera.runtime=kubernetes}
 * (see {@link #connect}), so the default local platform never needs a cluster.
 */
public class KubernetesRuntime implements WorkloadRuntime {

  static final String WORKLOAD_LABEL = "tessera.org/workload";
  static final String KIND_LABEL = "tessera.org/kind";
  static final String OWNER_LABEL = "tessera.org/owner";
  static final String PROJECT_LABEL = "tessera.org/project";
  static final String PROFILE_ANNOTATION = "tessera.org/profile";
  static final String PORT_NAME = "http";
  static final String GPU_RESOURCE = "nvidia.com/gpu";

  private static final String GIT_VOLUME = "git-credentials";
  private static final String FILES_VOLUME = "user-credentials";
  private static final String GPU_NODE_LABEL = "nvidia.com/gpu.present";

  private final ApiClient client;
  private final CoreV1Api api;
  private final KubernetesSettings settings;

  public KubernetesRuntime(ApiClient client, KubernetesSettings settings) {
    this.client = Objects.requireNonNull(client);
    this.api = new CoreV1Api(client);
    this.settings = Objects.requireNonNull(settings);
  }

  /** Connects with the settings' kubeconfig, or client-java's standard search (in-cluster included). */
  public static KubernetesRuntime connect(KubernetesSettings settings) throws IOException {
    ClientBuilder builder;
    if (settings.kubeconfig().isPresent()) {
      Path file = settings.kubeconfig().get();
      try (Reader reader = Files.newBufferedReader(file)) {
        KubeConfig config = KubeConfig.loadKubeConfig(reader);
        // Certificate and token paths in a kubeconfig are relative to the file.
        config.setFile(file.toFile());
        builder = ClientBuilder.kubeconfig(config);
      }
    } else {
      builder = ClientBuilder.standard();
    }
    return new KubernetesRuntime(builder.build(), settings);
  }

  @Override
  public String name() {
    return "kubernetes";
  }

  @Override
  public WorkloadStatus start(WorkloadSpec spec) {
    if (spec.profile() == null) {
      throw new IllegalArgumentException("A Kubernetes workload needs a resource profile.");
    }
    if (spec.repositoryUrl() == null || spec.repositoryUrl().isBlank()) {
      throw new IllegalArgumentException("A Kubernetes workload needs the project's repository URL.");
    }
    if (pod(spec.id()).isPresent()) {
      throw new IllegalStateException("A workload with id " + spec.id() + " exists.");
    }
    String name = name(spec.kind(), spec.id());
    URI repository = URI.create(spec.repositoryUrl());
    Map<String, String> labels = labels(spec);

    KubernetesTemplates.Rendered rendered = KubernetesTemplates.render(spec.kind(), placeholders(spec, name, repository));
    V1Pod pod = rendered.pod();
    int port = port(spec, pod);
    customize(pod, spec, name, labels, port);
    V1Service service = rendered.service();
    if (service != null) {
      service.getMetadata().name(name).labels(merge(service.getMetadata().getLabels(), labels));
      service.getSpec().getPorts().forEach(p -> p.port(port));
    }
    V1Secret secret = secret(spec, name, labels, repository);

    try {
      createReplacingLeftover(secret);
      V1Pod created;
      try {
        created = api.createNamespacedPod(settings.namespace(), pod).execute();
      } catch (ApiException e) {
        if (e.getCode() == 409) {
          throw new IllegalStateException("A workload with id " + spec.id() + " exists.");
        }
        throw e;
      }
      if (service != null) {
        createReplacingLeftover(service);
      }
      return KubernetesPodStatus.of(created, settings.namespace());
    } catch (ApiException e) {
      // All or nothing: a workload that could not be started leaves no objects behind.
      stop(spec.id());
      throw new KubernetesException("Starting workload " + name, e);
    }
  }

  @Override
  public void stop(String id) {
    String selector = WORKLOAD_LABEL + "=" + id;
    String namespace = settings.namespace();
    try {
      for (V1Pod pod : api.listNamespacedPod(namespace).labelSelector(selector).execute().getItems()) {
        deleteIgnoringMissing(() -> api.deleteNamespacedPod(pod.getMetadata().getName(), namespace).execute());
      }
      for (V1Service service : api.listNamespacedService(namespace).labelSelector(selector).execute().getItems()) {
        deleteIgnoringMissing(() -> api.deleteNamespacedService(service.getMetadata().getName(), namespace).execute());
      }
      for (V1Secret secret : api.listNamespacedSecret(namespace).labelSelector(selector).execute().getItems()) {
        deleteIgnoringMissing(() -> api.deleteNamespacedSecret(secret.getMetadata().getName(), namespace).execute());
      }
    } catch (ApiException e) {
      throw new KubernetesException("Stopping workload " + id, e);
    }
  }

  @Override
  public Optional<WorkloadStatus> status(String id) {
    return pod(id).map(pod -> KubernetesPodStatus.of(pod, settings.namespace()));
  }

  @Override
  public List<WorkloadStatus> list(Map<String, String> selector) {
    String labelSelector = new TreeMap<>(selector).entrySet().stream()
        .map(e -> e.getKey() + "=" + labelValue(e.getValue()))
        .collect(Collectors.joining(","));
    try {
      return api.listNamespacedPod(settings.namespace()).labelSelector(labelSelector.isEmpty() ? null : labelSelector).execute().getItems().stream()
          .filter(pod -> pod.getMetadata().getLabels() != null && pod.getMetadata().getLabels().containsKey(WORKLOAD_LABEL))
          .map(pod -> KubernetesPodStatus.of(pod, settings.namespace()))
          .toList();
    } catch (ApiException e) {
      throw new KubernetesException("Listing workloads " + labelSelector, e);
    }
  }

  /**
   * The clone's output followed by the workload's, through the pod log API. Containers that have
   * not started yet have no log and are skipped; an unknown workload has none at all.
   */
  @Override
  public List<String> logs(String id, int lines) {
    Optional<V1Pod> found = pod(id);
    if (found.isEmpty() || lines <= 0) {
      return List.of();
    }
    V1Pod pod = found.get();
    List<String> output = new ArrayList<>();
    List<V1Container> containers = Stream.concat(
            Objects.requireNonNullElse(pod.getSpec().getInitContainers(), List.<V1Container>of()).stream(),
            pod.getSpec().getContainers().stream())
        .toList();
    for (V1Container container : containers) {
      try {
        String text = api.readNamespacedPodLog(pod.getMetadata().getName(), settings.namespace()).container(container.getName()).tailLines(lines).execute();
        if (text != null && !text.isEmpty()) {
          output.addAll(text.lines().toList());
        }
      } catch (ApiException e) {
        // 400: the container has not started yet; 404: the Pod went away meanwhile.
        if (e.getCode() != 400 && e.getCode() != 404) {
          throw new KubernetesException("Reading the logs of workload " + id, e);
        }
      }
    }
    return output.subList(Math.max(0, output.size() - lines), output.size());
  }

  /**
   * The workload container's log through the pod log API with {@code follow}, which the API server
   * ends when the container ends.
   */
  @Override
  public java.io.InputStream followLogs(String id) {
    Optional<V1Pod> found = pod(id);
    if (found.isEmpty()) {
      return java.io.InputStream.nullInputStream();
    }
    V1Pod pod = found.get();
    try {
      return new io.kubernetes.client.PodLogs(client).streamNamespacedPodLog(settings.namespace(), pod.getMetadata().getName(), pod.getSpec().getContainers().get(0).getName());
    } catch (ApiException e) {
      if (e.getCode() == 400 || e.getCode() == 404) {
        // Not started yet, or gone: what there is comes from the logs so far.
        return new java.io.ByteArrayInputStream((String.join("\n", logs(id, 5000)) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      throw new KubernetesException("Following the logs of workload " + id, e);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Deletes the Pod, Service and Secret, waits until the Pod is gone (a Pod's name is taken while
   * it terminates), and starts the workload again; the new Pod checks the project out again.
   */
  @Override
  public WorkloadStatus restart(WorkloadSpec spec) {
    stop(spec.id());
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
    while (pod(spec.id()).isPresent()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("The Pod of workload " + spec.id() + " is still terminating after 60 s; restart again later.");
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while restarting workload " + spec.id(), e);
      }
    }
    return start(spec);
  }

  /**
   * Usage from the metrics API ({@code metrics.k8s.io}, served by metrics-server), summed over the
   * Pod's containers; "not reported" when the cluster has no metrics API or no sample yet. The
   * kubelet enforces the limits.
   */
  @Override
  public WorkloadUsage usage(String id) {
    String note = "enforced by the kubelet (Pod resource limits)";
    try {
      List<io.kubernetes.client.custom.PodMetrics> items = new io.kubernetes.client.Metrics(client).getPodMetrics(settings.namespace(), WORKLOAD_LABEL + "=" + id).getItems();
      if (items == null || items.isEmpty() || items.get(0).getContainers() == null) {
        return WorkloadUsage.notReported("not reported: the metrics API has no sample of this Pod (yet)", WorkloadUsage.Limits.ENFORCED, note);
      }
      java.math.BigDecimal cpu = java.math.BigDecimal.ZERO;
      java.math.BigDecimal memory = java.math.BigDecimal.ZERO;
      for (io.kubernetes.client.custom.ContainerMetrics container : items.get(0).getContainers()) {
        Map<String, io.kubernetes.client.custom.Quantity> usage = Objects.requireNonNullElse(container.getUsage(), Map.of());
        if (usage.get("cpu") != null) {
          cpu = cpu.add(usage.get("cpu").getNumber());
        }
        if (usage.get("memory") != null) {
          memory = memory.add(usage.get("memory").getNumber());
        }
      }
      return new WorkloadUsage(cpu.setScale(2, java.math.RoundingMode.HALF_UP).doubleValue(), memory.longValue(), "metrics API", WorkloadUsage.Limits.ENFORCED, note);
    } catch (ApiException | RuntimeException e) {
      // No metrics-server, no permission on metrics.k8s.io, or an answer of another shape: nothing to invent.
      return WorkloadUsage.notReported("not reported: the cluster's metrics API is not reachable (" + (e instanceof ApiException a ? "HTTP " + a.getCode() : e.getClass().getSimpleName()) + ")",
          WorkloadUsage.Limits.ENFORCED, note);
    }
  }

  /** {@code tessera-session-<id>}, {@code tessera-app-<id>}, {@code tessera-job-<id>}. */
  static String name(WorkloadKind kind, String id) {
    return "tessera-" + kind.key() + "-" + id;
  }

  /** A valid label value: at most 63 characters of {@code [a-z0-9._-]}, alphanumeric at both ends. */
  static String labelValue(String value) {
    if (value == null) {
      return "";
    }
    String v = value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "_");
    v = v.substring(0, Math.min(63, v.length()));
    return v.replaceAll("^[^a-z0-9]+", "").replaceAll("[^a-z0-9]+$", "");
  }

  private Optional<V1Pod> pod(String id) {
    try {
      return api.listNamespacedPod(settings.namespace()).labelSelector(WORKLOAD_LABEL + "=" + id).execute().getItems().stream().findFirst();
    } catch (ApiException e) {
      throw new KubernetesException("Reading workload " + id, e);
    }
  }

  private Map<String, String> labels(WorkloadSpec spec) {
    Map<String, String> labels = new LinkedHashMap<>();
    spec.labels().forEach((key, value) -> labels.put(key, labelValue(value)));
    labels.put(OWNER_LABEL, labelValue(spec.owner()));
    labels.put(PROJECT_LABEL, labelValue(spec.projectId()));
    labels.put(KIND_LABEL, spec.kind().key());
    labels.put(WORKLOAD_LABEL, spec.id());
    return labels;
  }

  private Map<String, String> placeholders(WorkloadSpec spec, String name, URI repository) {
    ResourceProfile profile = spec.profile();
    Map<String, String> values = new HashMap<>();
    values.put("SESSION_ID", spec.id());
    values.put("DEPLOYMENT_ID", spec.id());
    values.put("RUN_ID", spec.id());
    values.put("SCHEDULE_ID", labelValue(spec.labels().get("tessera.org/schedule")));
    values.put("OWNER", labelValue(spec.owner()));
    values.put("PROJECT_ID", labelValue(spec.projectId()));
    values.put("PROJECT_GIT_URL", withoutUserInfo(repository));
    values.put("PROJECT_REVISION", spec.revision() == null || spec.revision().isBlank() ? "HEAD" : spec.revision());
    values.put("GIT_CREDENTIALS_SECRET", name);
    values.put("USER_SECRETS_SECRET", name);
    values.put("EDITOR_IMAGE", settings.editorImage());
    values.put("GIT_IMAGE", settings.gitImage());
    values.put("APP_IMAGE", settings.appImage());
    values.put("PUBLIC_URL", settings.publicUrl());
    values.put("COMMAND", spec.command().stream().map(KubernetesRuntime::shellQuote).collect(Collectors.joining(" ")));
    // Resources are set from the profile again after parsing (the GPU line is a comment in the templates).
    values.put("CPU_REQUEST", Objects.requireNonNullElse(profile.cpu(), "0"));
    values.put("CPU_LIMIT", Objects.requireNonNullElse(profile.cpu(), "0"));
    values.put("MEMORY_REQUEST", Objects.requireNonNullElse(profile.memory(), "0"));
    values.put("MEMORY_LIMIT", Objects.requireNonNullElse(profile.memory(), "0"));
    values.put("GPU_COUNT", String.valueOf(profile.gpus()));
    return values;
  }

  /** spec.port, else the template's {@code http} port (8888 for sessions, 8086 for apps); 0 for jobs. */
  private static int port(WorkloadSpec spec, V1Pod pod) {
    Optional<V1ContainerPort> templatePort = Objects.requireNonNullElse(pod.getSpec().getContainers().get(0).getPorts(), List.<V1ContainerPort>of()).stream()
        .filter(p -> PORT_NAME.equals(p.getName()))
        .findFirst();
    if (templatePort.isEmpty()) {
      return 0;
    }
    return spec.port() > 0 ? spec.port() : templatePort.get().getContainerPort();
  }

  private void customize(V1Pod pod, WorkloadSpec spec, String name, Map<String, String> labels, int port) {
    ResourceProfile profile = spec.profile();
    V1ObjectMeta metadata = pod.getMetadata();
    metadata.name(name).labels(merge(metadata.getLabels(), labels)).putAnnotationsItem(PROFILE_ANNOTATION, profile.name());

    V1PodSpec podSpec = pod.getSpec();
    V1Container main = podSpec.getContainers().get(0);
    String portText = String.valueOf(port);
    main.command(spec.command().stream().map(arg -> arg.replace("{port}", portText)).toList()).args(null);
    Map<String, V1EnvVar> env = new LinkedHashMap<>();
    Objects.requireNonNullElse(main.getEnv(), List.<V1EnvVar>of()).forEach(e -> env.put(e.getName(), e));
    new TreeMap<>(spec.environment()).forEach((key, value) -> env.put(key, new V1EnvVar().name(key).value(value.replace("{port}", portText))));
    main.env(new ArrayList<>(env.values()));
    if (port > 0) {
      main.getPorts().stream().filter(p -> PORT_NAME.equals(p.getName())).forEach(p -> p.containerPort(port));
    }
    main.resources(resources(profile));

    if (profile.gpus() > 0 || !profile.nodeSelector().isEmpty()) {
      Map<String, String> selector = new LinkedHashMap<>(Objects.requireNonNullElse(podSpec.getNodeSelector(), Map.of()));
      if (profile.gpus() > 0 && profile.nodeSelector().isEmpty()) {
        selector.put(GPU_NODE_LABEL, "true");
      }
      selector.putAll(profile.nodeSelector());
      podSpec.nodeSelector(selector);
    }
    if (profile.gpus() > 0) {
      // GPU nodes are usually tainted so that only GPU workloads land there.
      podSpec.addTolerationsItem(new V1Toleration().key(GPU_RESOURCE).operator("Exists").effect("NoSchedule"));
    }

    for (V1Volume volume : podSpec.getVolumes()) {
      if (GIT_VOLUME.equals(volume.getName())) {
        volume.getSecret().items(List.of(new V1KeyToPath().key("username").path("username"), new V1KeyToPath().key("token").path("token")));
      }
    }
    List<V1KeyToPath> files = new ArrayList<>();
    List<String> paths = new TreeMap<>(spec.files()).keySet().stream().toList();
    for (int i = 0; i < paths.size(); i++) {
      files.add(new V1KeyToPath().key(fileKey(i)).path(relativePath(paths.get(i))));
    }
    if (files.isEmpty()) {
      // Without files the volume would show the git credentials to user code.
      podSpec.getVolumes().removeIf(v -> FILES_VOLUME.equals(v.getName()));
      Stream.concat(Objects.requireNonNullElse(podSpec.getInitContainers(), List.<V1Container>of()).stream(), podSpec.getContainers().stream())
          .filter(c -> c.getVolumeMounts() != null)
          .forEach(c -> c.getVolumeMounts().removeIf(m -> FILES_VOLUME.equals(m.getName())));
    } else {
      podSpec.getVolumes().stream().filter(v -> FILES_VOLUME.equals(v.getName())).forEach(v -> v.getSecret().items(files).optional(null));
    }
  }

  private static V1ResourceRequirements resources(ResourceProfile profile) {
    // The seed's profiles state limits only; requesting the same keeps a session from being
    // squeezed by its neighbours (Guaranteed QoS).
    Map<String, Quantity> amounts = new LinkedHashMap<>();
    if (profile.cpu() != null) {
      amounts.put("cpu", Quantity.fromString(profile.cpu()));
    }
    if (profile.memory() != null) {
      amounts.put("memory", Quantity.fromString(profile.memory()));
    }
    Map<String, Quantity> limits = new LinkedHashMap<>(amounts);
    if (profile.gpus() > 0) {
      limits.put(GPU_RESOURCE, new Quantity(String.valueOf(profile.gpus())));
    }
    return new V1ResourceRequirements().requests(amounts.isEmpty() ? null : amounts).limits(limits.isEmpty() ? null : limits);
  }

  private V1Secret secret(WorkloadSpec spec, String name, Map<String, String> labels, URI repository) {
    String userInfo = Objects.requireNonNullElse(repository.getRawUserInfo(), "");
    int colon = userInfo.indexOf(':');
    Map<String, byte[]> data = new LinkedHashMap<>();
    data.put("username", decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
    data.put("token", decode(colon < 0 ? "" : userInfo.substring(colon + 1)));
    List<String> paths = new TreeMap<>(spec.files()).keySet().stream().toList();
    for (int i = 0; i < paths.size(); i++) {
      data.put(fileKey(i), spec.files().get(paths.get(i)).getBytes(StandardCharsets.UTF_8));
    }
    return new V1Secret()
        .apiVersion("v1")
        .kind("Secret")
        .metadata(new V1ObjectMeta().name(name).labels(labels))
        .type("Opaque")
        .data(data);
  }

  private void createReplacingLeftover(Object object) throws ApiException {
    String namespace = settings.namespace();
    // Leftovers of an interrupted start or stop of the same id (the Pod does not exist, checked above).
    if (object instanceof V1Secret secret) {
      try {
        api.createNamespacedSecret(namespace, secret).execute();
      } catch (ApiException e) {
        if (e.getCode() != 409) {
          throw e;
        }
        api.deleteNamespacedSecret(secret.getMetadata().getName(), namespace).execute();
        api.createNamespacedSecret(namespace, secret).execute();
      }
    } else if (object instanceof V1Service service) {
      try {
        api.createNamespacedService(namespace, service).execute();
      } catch (ApiException e) {
        if (e.getCode() != 409) {
          throw e;
        }
        api.deleteNamespacedService(service.getMetadata().getName(), namespace).execute();
        api.createNamespacedService(namespace, service).execute();
      }
    }
  }

  private interface Deletion {
    void run() throws ApiException;
  }

  private static void deleteIgnoringMissing(Deletion deletion) throws ApiException {
    try {
      deletion.run();
    } catch (ApiException e) {
      if (e.getCode() != 404) {
        throw e;
      }
    }
  }

  private static Map<String, String> merge(Map<String, String> template, Map<String, String> labels) {
    Map<String, String> merged = new LinkedHashMap<>(Objects.requireNonNullElse(template, Map.of()));
    merged.putAll(labels);
    return merged;
  }

  private static String fileKey(int index) {
    return "file-" + index;
  }

  private static String relativePath(String path) {
    Path normalized = Path.of(path).normalize();
    if (path.isBlank() || normalized.isAbsolute() || normalized.startsWith("..")) {
      throw new IllegalArgumentException("A workload file needs a relative path inside its folder: " + path);
    }
    return normalized.toString();
  }

  private static String withoutUserInfo(URI uri) {
    if (uri.getRawUserInfo() == null) {
      return uri.toString();
    }
    return uri.toString().replaceFirst("//[^/]*@", "//");
  }

  private static byte[] decode(String text) {
    return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
  }

  private static String shellQuote(String arg) {
    return arg.matches("[A-Za-z0-9_./:=@%+,{}-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
  }
}
