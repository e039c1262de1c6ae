package org.tessera.runtime.domain;

import java.time.Instant;

/**
 * A workload as its runtime sees it now.
 *
 * @param reason why it is in this phase, in words for the user ("not enough memory on any node for
 *     profile large", "exited with status 1"); null when there is nothing to say
 * @param host where the proxy reaches it (a loopback address, a Service name); null until known
 * @param port the port at {@code host}
 */
public record WorkloadStatus(String id, WorkloadPhase phase, String reason, Instant since, String host, int port) {

  public boolean reachable() {
    return phase == WorkloadPhase.RUNNING && host != null && port > 0;
  }
}
