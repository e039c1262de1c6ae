package org.tessera.runtime.domain;

import java.util.Map;

/** What makes a resource profile valid; the message of each refusal names the field and the fix. */
public final class ResourceProfileRules {

  private ResourceProfileRules() {}

  public static ResourceProfile validated(String name, String description, Boolean userVisible, String cpu, String memory, Integer gpus, Map<String, String> nodeSelector) {
    if (name == null || !name.matches("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?")) {
      throw new InvalidResourceProfileException("name", "A profile name is 1 to 63 lowercase letters, digits and dashes, starting and ending with a letter or digit, like gpu-profile.");
    }
    try {
      Quantities.millicores(cpu);
    } catch (IllegalArgumentException e) {
      throw new InvalidResourceProfileException("cpu", "CPU '" + cpu + "' is not a quantity; write it like 2 or 500m.");
    }
    try {
      Quantities.bytes(memory);
    } catch (IllegalArgumentException e) {
      throw new InvalidResourceProfileException("memory", "Memory '" + memory + "' is not a quantity; write it like 512Mi or 8Gi.");
    }
    int gpuCount = gpus == null ? 0 : gpus;
    if (gpuCount < 0 || gpuCount > 16) {
      throw new InvalidResourceProfileException("gpus", "A profile has 0 to 16 GPUs.");
    }
    Map<String, String> selector = nodeSelector == null ? Map.of() : nodeSelector;
    selector.forEach((key, value) -> {
      if (key == null || !key.matches("([a-z0-9.-]+/)?[A-Za-z0-9]([A-Za-z0-9_.-]{0,61}[A-Za-z0-9])?") || value == null || !value.matches("([A-Za-z0-9]([A-Za-z0-9_.-]{0,61}[A-Za-z0-9])?)?")) {
        throw new InvalidResourceProfileException("nodeSelector", "Node selector '" + key + "=" + value + "' is not a valid Kubernetes label; write it like nvidia.com/gpu.present=true.");
      }
    });
    String text = description == null ? "" : description.strip();
    if (text.length() > 500) {
      throw new InvalidResourceProfileException("description", "The description is longer than 500 characters.");
    }
    return new ResourceProfile(name, text, userVisible == null || userVisible, cpu.strip(), memory.strip(), gpuCount, selector);
  }
}
