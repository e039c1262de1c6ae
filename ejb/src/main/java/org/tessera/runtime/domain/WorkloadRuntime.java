package org.tessera.runtime.domain;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs workloads. Implementations keep no state the platform cannot rebuild: after a restart of
 * Tessera, {@link #status} and {@link #list} find running workloads again (or report them failed),
 * never forget them.
 */
public interface WorkloadRuntime {

  /** {@code local} or {@code kubernetes}, as the settings name it. */
  String name();

  /**
   * Starts the workload and returns at once with {@link WorkloadPhase#PENDING} or {@link
   * WorkloadPhase#STARTING}; follow it with {@link #status}.
   *
   * @throws IllegalStateException if a workload with the id exists
   */
  WorkloadStatus start(WorkloadSpec spec);

  /** Stops the workload and frees its resources; stopping a stopped or unknown one does nothing. */
  void stop(String id);

  /**
   * Stops the workload and forgets it (its checkout, its logs), so that its id can start again;
   * runtimes that keep nothing after a stop need no more than {@link #stop}.
   */
  default void remove(String id) {
    stop(id);
  }

  /** The workload's status, or empty when the runtime has never heard of it. */
  Optional<WorkloadStatus> status(String id);

  /** The workloads whose labels include all of {@code selector} (all of them for an empty one). */
  List<WorkloadStatus> list(Map<String, String> selector);

  /** The last {@code lines} lines of the workload's output (stdout and stderr together). */
  List<String> logs(String id, int lines);

  /**
   * The workload's output from its beginning, then as it is written, until the workload ends or the
   * caller closes the stream (which the caller must do). An unknown workload gives an empty stream.
   */
  InputStream followLogs(String id);

  /**
   * Stops the workload if it runs and starts it again from {@code spec} (whose id names it), keeping
   * what the runtime can keep of its files (local: the checkout with uncommitted changes; kubernetes:
   * nothing, the Pod checks the project out again). Starts it fresh when the runtime never heard of it.
   */
  WorkloadStatus restart(WorkloadSpec spec);

  /** CPU and memory the workload uses now, and how its limits are applied; never null. */
  WorkloadUsage usage(String id);
}
