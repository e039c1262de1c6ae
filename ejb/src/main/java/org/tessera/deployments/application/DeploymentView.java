package org.tessera.deployments.application;

import java.time.Instant;
import java.util.List;
import org.tessera.deployments.domain.Deployment;
import org.tessera.deployments.domain.DeploymentVersion;
import org.tessera.runtime.domain.WorkloadPhase;
import org.tessera.runtime.domain.WorkloadUsage;

/**
 * A deployment with what its workloads are doing now, for the adapters.
 *
 * @param project {@code owner/name} of the project
 * @param phase the deployment's as a whole: running when any version serves
 */
public record DeploymentView(Deployment deployment, String project, WorkloadPhase phase, List<Version> versions, boolean mayManage) {

  /**
   * @param reason why it is in this phase; for a failed version, with {@code lastLines} of its output
   * @param usage CPU and memory now; null when the version does not run
   */
  public record Version(DeploymentVersion version, WorkloadPhase phase, String reason, Instant since, List<String> lastLines, WorkloadUsage usage) {}

  /** CPU of the versions together, in cores; null when no version reports it. */
  public Double cpuCores() {
    return versions.stream().map(Version::usage).filter(u -> u != null && u.cpuCores() != null).map(WorkloadUsage::cpuCores).reduce(Double::sum).orElse(null);
  }

  /** Memory of the versions together, in bytes; null when no version reports it. */
  public Long memoryBytes() {
    return versions.stream().map(Version::usage).filter(u -> u != null && u.memoryBytes() != null).map(WorkloadUsage::memoryBytes).reduce(Long::sum).orElse(null);
  }

  static WorkloadPhase overall(List<Version> versions) {
    if (versions.stream().anyMatch(v -> v.phase() == WorkloadPhase.RUNNING)) {
      return WorkloadPhase.RUNNING;
    }
    if (versions.stream().anyMatch(v -> !v.phase().isFinal())) {
      return versions.stream().anyMatch(v -> v.phase() == WorkloadPhase.STARTING) ? WorkloadPhase.STARTING : WorkloadPhase.PENDING;
    }
    return versions.stream().allMatch(v -> v.phase() == WorkloadPhase.STOPPED) ? WorkloadPhase.STOPPED : WorkloadPhase.FAILED;
  }
}
