package org.tessera.runtime.domain;

/** Where a workload is in its life; {@link #FAILED} and {@link #STOPPED} are final. */
public enum WorkloadPhase {
  /** Accepted, waiting for resources (a node, a GPU, an image pull). */
  PENDING,
  /** Its process or container runs but does not answer on its port yet. */
  STARTING,
  /** Answers on its port. */
  RUNNING,
  /** Ended on its own or could not start; the status says why. */
  FAILED,
  /** Stopped on request. */
  STOPPED;

  public boolean isFinal() {
    return this == FAILED || this == STOPPED;
  }
}
