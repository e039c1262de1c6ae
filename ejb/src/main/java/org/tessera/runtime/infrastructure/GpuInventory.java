package org.tessera.runtime.infrastructure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The GPUs of this host by index, from {@code nvidia-smi} (none when it is missing), and which
 * workload holds which. Reservations are kept in memory and rebuilt from the workloads' state after
 * a restart.
 */
public class GpuInventory {

  private final List<Integer> indexes;
  private final Map<String, List<Integer>> reserved = new ConcurrentHashMap<>();

  public GpuInventory(List<Integer> indexes) {
    this.indexes = List.copyOf(indexes);
  }

  /** Asks {@code nvidia-smi}; a host without it (or without a driver) has no GPUs. */
  public static GpuInventory detect() {
    try {
      Process smi = new ProcessBuilder("nvidia-smi", "--query-gpu=index", "--format=csv,noheader,nounits").redirectErrorStream(true).start();
      String output = new String(smi.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!smi.waitFor(20, TimeUnit.SECONDS) || smi.exitValue() != 0) {
        return new GpuInventory(List.of());
      }
      return new GpuInventory(output.lines().map(String::strip).filter(l -> l.matches("\\d+")).map(Integer::valueOf).toList());
    } catch (IOException e) {
      return new GpuInventory(List.of());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new GpuInventory(List.of());
    }
  }

  public int count() {
    return indexes.size();
  }

  /** Reserves {@code count} GPUs for the workload, or nothing when not enough are free. */
  public synchronized Optional<List<Integer>> reserve(String workload, int count, Map<String, List<Integer>> inUse) {
    inUse.forEach(reserved::putIfAbsent);
    Set<Integer> taken = new HashSet<>();
    reserved.values().forEach(taken::addAll);
    List<Integer> free = new ArrayList<>(indexes.stream().filter(i -> !taken.contains(i)).toList());
    if (free.size() < count) {
      return Optional.empty();
    }
    List<Integer> granted = List.copyOf(free.subList(0, count));
    reserved.put(workload, granted);
    return Optional.of(granted);
  }

  public void release(String workload) {
    reserved.remove(workload);
  }
}
