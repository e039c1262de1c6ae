package org.tessera.runtime.infrastructure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.tessera.runtime.domain.Quantities;
import org.tessera.runtime.domain.ResourceProfile;

/**
 * How this host lets the local runtime hold a workload to its profile, found out once at start:
 *
 * <ol>
 *   <li>{@link Mode#SYSTEMD}: systemd is PID 1 with cgroup v2, so {@code systemd-run --scope} puts
 *       each workload in a transient scope with {@code MemoryMax} and {@code CPUQuota};
 *   <li>{@link Mode#CGROUPFS}: a cgroup v2 directory Tessera may write to (delegated to it, or the
 *       root of a container's own cgroup namespace) whose {@code memory} and {@code cpu} controllers
 *       can be enabled for child groups: one child group per workload, entered by a small shell
 *       before the workload's program runs;
 *   <li>{@link Mode#PRLIMIT}: neither, so memory is limited per process with {@code prlimit}
 *       (address space) and CPU not at all: the limits are advisory.
 * </ol>
 *
 * The parent group can be named with {@code tessera.runtime.cgroup} ({@code TESSERA_CGROUP}); the
 * default is {@code tessera} below the cgroup v2 mount point; {@code none} forces prlimit.
 */
public final class CgroupLimits {

  private static final Logger LOG = Logger.getLogger(CgroupLimits.class.getName());
  private static final long CPU_PERIOD_MICROS = 100_000;

  /** The way limits are applied; see the class comment. */
  public enum Mode {
    SYSTEMD,
    CGROUPFS,
    PRLIMIT
  }

  private final Mode mode;
  private final Path parent;
  private final String why;

  private CgroupLimits(Mode mode, Path parent, String why) {
    this.mode = mode;
    this.parent = parent;
    this.why = why;
  }

  /** Limits with prlimit only; {@code why} says why cgroups are not used. */
  public static CgroupLimits prlimitOnly(String why) {
    return new CgroupLimits(Mode.PRLIMIT, null, why);
  }

  /** Workloads in child groups of {@code parent}, which must allow the memory and cpu controllers. */
  public static CgroupLimits cgroupfs(Path parent) {
    return new CgroupLimits(Mode.CGROUPFS, parent, "cgroup v2 at " + parent);
  }

  /** What this host allows, with the setting {@code tessera.runtime.cgroup} applied. */
  public static CgroupLimits detect() {
    String setting = System.getProperty("tessera.runtime.cgroup", System.getenv().getOrDefault("TESSERA_CGROUP", "")).strip();
    if (setting.equals("none")) {
      return prlimitOnly("cgroups are switched off by tessera.runtime.cgroup=none");
    }
    Optional<Path> mount = cgroup2Mount();
    if (mount.isEmpty()) {
      return prlimitOnly("this host has no cgroup v2 hierarchy mounted");
    }
    if (setting.isEmpty() && systemdIsInit() && onPath("systemd-run") && controllers(mount.get()).containsAll(List.of("memory", "cpu"))) {
      return new CgroupLimits(Mode.SYSTEMD, null, "systemd scopes (cgroup v2)");
    }
    Path parent = setting.isEmpty() ? mount.get().resolve("tessera") : Path.of(setting);
    Optional<String> problem = prepare(parent);
    if (problem.isPresent()) {
      LOG.info("Local workloads get advisory limits (prlimit): " + problem.get());
      return prlimitOnly(problem.get());
    }
    return cgroupfs(parent);
  }

  /** Creates the parent group and enables memory and cpu for its children; says what failed, if anything. */
  static Optional<String> prepare(Path parent) {
    Path above = parent.getParent();
    if (above == null || !controllers(above).containsAll(List.of("memory", "cpu"))) {
      return Optional.of("the cgroup v2 group " + above + " offers no memory and cpu controllers (it has: "
          + String.join(" ", controllers(above == null ? parent : above)) + ")");
    }
    try {
      if (!Files.isDirectory(parent)) {
        if (!readLines(above.resolve("cgroup.subtree_control")).stream().flatMap(l -> Stream.of(l.split(" "))).toList().containsAll(List.of("memory", "cpu"))) {
          Files.writeString(above.resolve("cgroup.subtree_control"), "+memory +cpu");
        }
        Files.createDirectory(parent);
      }
      Files.writeString(parent.resolve("cgroup.subtree_control"), "+memory +cpu");
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.of("cannot set up the cgroup v2 group " + parent + " (" + e.getMessage() + "); delegate it to Tessera's user or run Tessera under systemd");
    }
  }

  public Mode mode() {
    return mode;
  }

  public boolean enforced() {
    return mode != Mode.PRLIMIT;
  }

  /** How limits are applied here, in words for the session page and the admin list. */
  public String describe() {
    return switch (mode) {
      case SYSTEMD, CGROUPFS -> "enforced by the kernel: memory and CPU held to the profile (" + why + ")";
      case PRLIMIT -> "advisory: memory limited per process with prlimit, CPU not limited, because " + why;
    };
  }

  /**
   * The command that runs {@code command} within the profile's limits, for a workload {@code id}.
   * For {@link Mode#CGROUPFS} the workload's group is created here and its path recorded by the
   * caller with {@link #groupOf(String)}.
   */
  public List<String> wrap(String id, ResourceProfile profile, List<String> command) throws IOException {
    List<String> wrapped = new ArrayList<>();
    Long memory = profile == null || blank(profile.memory()) ? null : Quantities.bytes(profile.memory());
    Long millicores = profile == null || blank(profile.cpu()) ? null : Quantities.millicores(profile.cpu());
    switch (mode) {
      case SYSTEMD -> {
        wrapped.addAll(List.of("systemd-run", "--scope", "--quiet", "--collect", "--unit=tessera-workload-" + id));
        if (memory != null) {
          wrapped.add("--property=MemoryMax=" + memory);
          wrapped.add("--property=MemorySwapMax=0");
        }
        if (millicores != null) {
          wrapped.add("--property=CPUQuota=" + Math.max(1, millicores / 10) + "%");
        }
        wrapped.add("--");
      }
      case CGROUPFS -> {
        Path group = parent.resolve(id);
        Files.createDirectories(group);
        if (memory != null) {
          Files.writeString(group.resolve("memory.max"), String.valueOf(memory));
          writeIfPresent(group.resolve("memory.swap.max"), "0");
        }
        if (millicores != null) {
          Files.writeString(group.resolve("cpu.max"), Math.max(1000, millicores * CPU_PERIOD_MICROS / 1000) + " " + CPU_PERIOD_MICROS);
        }
        // The shell moves itself into the group, then becomes the workload: nothing runs outside it.
        wrapped.addAll(List.of("/bin/sh", "-c", "echo $$ > \"$0\" && exec \"$@\"", group.resolve("cgroup.procs").toString()));
      }
      case PRLIMIT -> {
        if (memory != null) {
          wrapped.addAll(List.of("prlimit", "--as=" + memory));
        }
      }
    }
    wrapped.addAll(command);
    return wrapped;
  }

  /** The group a workload was put in by {@link #wrap}; empty for prlimit (and systemd: ask the process). */
  public Optional<Path> groupOf(String id) {
    return mode == Mode.CGROUPFS ? Optional.of(parent.resolve(id)) : Optional.empty();
  }

  /** The cgroup v2 group of a running process, from {@code /proc/PID/cgroup}. */
  public static Optional<Path> groupOfProcess(long pid) {
    Optional<Path> mount = cgroup2Mount();
    if (mount.isEmpty()) {
      return Optional.empty();
    }
    return readLines(Path.of("/proc", String.valueOf(pid), "cgroup")).stream()
        .filter(l -> l.startsWith("0::"))
        .map(l -> mount.get().resolve(l.substring(3).replaceFirst("^/", "")))
        .findFirst();
  }

  /** Kills what is left in a workload's group and removes the group; quiet when it is gone. */
  public static void remove(Path group) {
    if (!Files.isDirectory(group)) {
      return;
    }
    writeIfPresent(group.resolve("cgroup.kill"), "1");
    for (int i = 0; i < 50 && !readLines(group.resolve("cgroup.procs")).isEmpty(); i++) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    try {
      Files.deleteIfExists(group);
    } catch (IOException e) {
      LOG.warning("Could not remove the cgroup " + group + ": " + e.getMessage());
    }
  }

  /** The memory in use by a group ({@code memory.current}) and its CPU time in nanoseconds ({@code cpu.stat}). */
  public static Optional<long[]> readUsage(Path group) {
    List<String> memory = readLines(group.resolve("memory.current"));
    Optional<Long> cpuMicros = readLines(group.resolve("cpu.stat")).stream().filter(l -> l.startsWith("usage_usec ")).map(l -> Long.parseLong(l.substring(11).strip())).findFirst();
    if (memory.isEmpty() || cpuMicros.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new long[] {Long.parseLong(memory.get(0).strip()), cpuMicros.get() * 1000});
  }

  /** Whether the kernel killed a process of the group for going over {@code memory.max}. */
  public static boolean oomKilled(Path group) {
    return readLines(group.resolve("memory.events")).stream().anyMatch(l -> l.startsWith("oom_kill ") && !l.endsWith(" 0"));
  }

  static Optional<Path> cgroup2Mount() {
    // Field 5 is the mount point; after " - " come the file system type and source.
    return readLines(Path.of("/proc/self/mountinfo")).stream()
        .filter(l -> l.contains(" - cgroup2 "))
        .map(l -> Path.of(l.split(" ")[4]))
        .findFirst();
  }

  static List<String> controllers(Path group) {
    return readLines(group.resolve("cgroup.controllers")).stream().flatMap(l -> Stream.of(l.strip().split(" "))).filter(s -> !s.isEmpty()).toList();
  }

  private static boolean systemdIsInit() {
    return readLines(Path.of("/proc/1/comm")).stream().anyMatch(l -> l.strip().equals("systemd"));
  }

  private static boolean onPath(String program) {
    return Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")).anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
  }

  private static List<String> readLines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }

  private static void writeIfPresent(Path file, String content) {
    try {
      if (Files.exists(file)) {
        Files.writeString(file, content);
      }
    } catch (IOException e) {
      LOG.fine("Could not write " + file + ": " + e.getMessage());
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
