package org.tessera.deployments.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Requests, server errors and time per deployment version, counted by the proxy since Tessera
 * started: enough to compare the versions of a split while it runs.
 */
@ApplicationScoped
public class DeploymentTraffic {

  /** What a version has served. */
  public record Stats(long requests, long serverErrors, double meanMillis) {
    static final Stats NONE = new Stats(0, 0, 0);
  }

  private static final class Counters {
    final LongAdder requests = new LongAdder();
    final LongAdder serverErrors = new LongAdder();
    final LongAdder nanos = new LongAdder();
  }

  private final Map<String, Counters> versions = new ConcurrentHashMap<>();

  void served(String versionId, int status, long nanos) {
    Counters counters = versions.computeIfAbsent(versionId, id -> new Counters());
    counters.requests.increment();
    counters.nanos.add(nanos);
    if (status >= 500) {
      counters.serverErrors.increment();
    }
  }

  public Stats of(String versionId) {
    Counters counters = versions.get(versionId);
    if (counters == null) {
      return Stats.NONE;
    }
    long requests = counters.requests.sum();
    return new Stats(requests, counters.serverErrors.sum(), requests == 0 ? 0 : counters.nanos.sum() / 1e6 / requests);
  }
}
