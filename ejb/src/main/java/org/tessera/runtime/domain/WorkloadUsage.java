package org.tessera.runtime.domain;

/**
 * What a workload uses now and whether its profile's limits hold it, as its runtime can tell.
 *
 * @param cpuCores CPU in cores, averaged since the previous reading (or since the start); null when
 *     the runtime cannot say
 * @param memoryBytes memory in use now; null when the runtime cannot say
 * @param source where the numbers come from ("cgroup", "/proc", "metrics API"), or why there are none
 * @param limits whether the profile's CPU and memory limits are enforced
 * @param limitsNote how they are applied, in words for the user
 */
public record WorkloadUsage(Double cpuCores, Long memoryBytes, String source, Limits limits, String limitsNote) {

  /** How a runtime applies a profile's limits. */
  public enum Limits {
    /** The kernel holds the workload to them (a cgroup, the kubelet). */
    ENFORCED,
    /** Applied per process where possible (prlimit), so a process tree can exceed them together. */
    ADVISORY
  }

  /** No numbers: {@code why} says so in words that the UI shows as they are. */
  public static WorkloadUsage notReported(String why, Limits limits, String limitsNote) {
    return new WorkloadUsage(null, null, why, limits, limitsNote);
  }

  public boolean reported() {
    return cpuCores != null || memoryBytes != null;
  }
}
