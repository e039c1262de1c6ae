package org.tessera.runtime.infrastructure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** CPU time and memory of a process session, read from {@code /proc} (for hosts without cgroups). */
final class ProcUsage {

  /** Clock ticks per second of {@code /proc/PID/stat}: USER_HZ, 100 on every Linux ABI. */
  private static final long TICKS_PER_SECOND = 100;

  private ProcUsage() {}

  /**
   * Memory (bytes, proportional set size) and CPU time (nanoseconds, user and system) of every
   * process whose session id is {@code sessionLeader}; empty when the leader is gone.
   */
  static Optional<long[]> ofSession(long sessionLeader) {
    if (stat(sessionLeader).isEmpty()) {
      return Optional.empty();
    }
    long memory = 0;
    long ticks = 0;
    try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
      for (Path entry : entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
        long pid = Long.parseLong(entry.getFileName().toString());
        Optional<String[]> fields = stat(pid);
        // After the command name: 0 state, 3 session, 11 utime, 12 stime.
        if (fields.isPresent() && Long.parseLong(fields.get()[3]) == sessionLeader) {
          ticks += Long.parseLong(fields.get()[11]) + Long.parseLong(fields.get()[12]);
          memory += pss(pid);
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.of(new long[] {memory, ticks * (1_000_000_000L / TICKS_PER_SECOND)});
  }

  private static Optional<String[]> stat(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
      return Optional.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // gone meanwhile
    }
  }

  /** Proportional set size in bytes from {@code smaps_rollup}; resident size where that is missing. */
  private static long pss(long pid) {
    try {
      List<String> lines = Files.readAllLines(Path.of("/proc", String.valueOf(pid), "smaps_rollup"));
      return lines.stream().filter(l -> l.startsWith("Pss:")).findFirst().map(ProcUsage::kilobytes).orElse(0L);
    } catch (IOException | RuntimeException e) {
      try {
        return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream().filter(l -> l.startsWith("VmRSS:")).findFirst().map(ProcUsage::kilobytes).orElse(0L);
      } catch (IOException | RuntimeException gone) {
        return 0;
      }
    }
  }

  private static long kilobytes(String line) {
    String[] parts = line.split("\\s+");
    return Long.parseLong(parts[1]) * 1024;
  }
}
