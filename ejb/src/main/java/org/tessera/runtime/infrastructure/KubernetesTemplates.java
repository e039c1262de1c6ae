package org.tessera.runtime.infrastructure;

import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1Service;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tessera.runtime.domain.WorkloadKind;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The workload templates of {@code deployments/workloads/}, copied onto the class path by the
 * build, so that the files there stay the one description of a workload Pod. Placeholders are
 * filled in the parsed tree, string by string, as {@code deployments/README.md} promises.
 */
final class KubernetesTemplates {

  private static final String LOCATION = "org/tessera/runtime/infrastructure/workloads/";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)}");

  /** A Pod and, for kinds that are reached over the network, its Service. */
  record Rendered(V1Pod pod, V1Service service) {}

  private KubernetesTemplates() {}

  /**
   * Renders the template of {@code kind}. Sessions come from {@code session-pod.yaml}; apps and jobs
   * from the Pod template inside {@code app-pod.yaml}'s Deployment and {@code job.yaml}'s Job, run as
   * a bare Pod so that every workload has the same life cycle and status.
   *
   * @throws IllegalStateException if the template uses a placeholder missing from {@code values}
   */
  static Rendered render(WorkloadKind kind, Map<String, String> values) {
    List<Map<String, Object>> documents = load(fileOf(kind));
    Map<String, Object> pod = null;
    Map<String, Object> service = null;
    for (Map<String, Object> document : documents) {
      switch (String.valueOf(document.get("kind"))) {
        case "Pod" -> pod = document;
        case "Service" -> service = document;
        case "Deployment", "Job" -> pod = podOf(map(document.get("spec")));
        default -> throw new IllegalStateException("Unexpected object in the " + kind.key() + " template: " + document.get("kind"));
      }
    }
    if (pod == null) {
      throw new IllegalStateException("The " + kind.key() + " template has no Pod.");
    }
    V1Pod v1Pod = JSON.deserialize(JSON.serialize(fill(pod, values)), V1Pod.class);
    V1Service v1Service = service == null ? null : JSON.deserialize(JSON.serialize(fill(service, values)), V1Service.class);
    return new Rendered(v1Pod, v1Service);
  }

  private static String fileOf(WorkloadKind kind) {
    return switch (kind) {
      case SESSION -> "session-pod.yaml";
      case APP -> "app-pod.yaml";
      case JOB -> "job.yaml";
    };
  }

  private static Map<String, Object> podOf(Map<String, Object> controllerSpec) {
    Map<String, Object> template = map(controllerSpec.get("template"));
    Map<String, Object> pod = new LinkedHashMap<>();
    pod.put("apiVersion", "v1");
    pod.put("kind", "Pod");
    pod.put("metadata", template.get("metadata"));
    pod.put("spec", template.get("spec"));
    return pod;
  }

  private static List<Map<String, Object>> load(String file) {
    try (InputStream in = KubernetesTemplates.class.getClassLoader().getResourceAsStream(LOCATION + file)) {
      if (in == null) {
        throw new IllegalStateException("Workload template " + file + " is missing from the class path (copied from deployments/workloads by the build).");
      }
      List<Map<String, Object>> documents = new ArrayList<>();
      for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(in)) {
        if (document != null) {
          documents.add(map(document));
        }
      }
      return documents;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Object fill(Object node, Map<String, String> values) {
    if (node instanceof Map<?, ?> map) {
      Map<Object, Object> filled = new LinkedHashMap<>();
      map.forEach((key, value) -> filled.put(fill(key, values), fill(value, values)));
      return filled;
    }
    if (node instanceof List<?> list) {
      return list.stream().map(item -> fill(item, values)).toList();
    }
    if (node instanceof String text) {
      Matcher matcher = PLACEHOLDER.matcher(text);
      StringBuilder result = new StringBuilder();
      while (matcher.find()) {
        String value = values.get(matcher.group(1));
        if (value == null) {
          throw new IllegalStateException("No value for placeholder ${" + matcher.group(1) + "} of a workload template.");
        }
        matcher.appendReplacement(result, Matcher.quoteReplacement(value));
      }
      return matcher.appendTail(result).toString();
    }
    return node;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object node) {
    if (node instanceof Map<?, ?>) {
      return (Map<String, Object>) node;
    }
    throw new IllegalStateException("A workload template is not a mapping where one is expected: " + node);
  }
}
