package org.tessera.runtime.infrastructure;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.tessera.runtime.domain.WorkloadPhase;
import org.tessera.runtime.domain.WorkloadRuntime;
import org.tessera.runtime.domain.WorkloadSpec;
import org.tessera.runtime.domain.WorkloadStatus;
import org.tessera.runtime.domain.WorkloadUsage;

/**
 * Workloads as child processes of this host, one directory each under {@code root/<id>/}: the
 * project checkout ({@code work/}), the output ({@code output.log}) and the state ({@code
 * workload.properties}), which is everything needed to find a workload again after Tessera
 * restarts. Each process runs in a session of its own ({@code setsid}), so that stopping Tessera
 * does not stop it; it listens on a free loopback port. Limits are applied as {@link CgroupLimits}
 * finds the host allows: a cgroup v2 group per workload where it can, else {@code prlimit}, which
 * is advisory; {@link #usage} says which to the UI. GPUs are handed out by index through {@code
 * CUDA_VISIBLE_DEVICES}.
 */
public class LocalRuntime implements WorkloadRuntime {

  private static final Logger LOG = Logger.getLogger(LocalRuntime.class.getName());
  private static final String STATE = "workload.properties";
  private static final String OUTPUT = "output.log";

  private final Path root;
  private final GpuInventory gpus;
  private final CgroupLimits limits;
  /** Processes started by this instance: their exit codes are known, unlike re-adopted ones. */
  private final Map<String, Process> children = new ConcurrentHashMap<>();
  /** The previous CPU reading per workload, so that usage is a recent rate, not a lifetime average. */
  private final Map<String, CpuReading> cpuReadings = new ConcurrentHashMap<>();

  private record CpuReading(long wallNanos, long cpuNanos) {}

  /** Limits as the host allows ({@link CgroupLimits#detect()}). */
  public LocalRuntime(Path root, GpuInventory gpus) {
    this(root, gpus, CgroupLimits.detect());
  }

  public LocalRuntime(Path root, GpuInventory gpus, CgroupLimits limits) {
    this.root = root;
    this.gpus = gpus;
    this.limits = limits;
  }

  @Override
  public String name() {
    return "local";
  }

  /** Whether workloads are held to their profiles by the kernel (a cgroup) or only per process (prlimit). */
  public CgroupLimits limits() {
    return limits;
  }

  @Override
  public synchronized WorkloadStatus start(WorkloadSpec spec) {
    Path dir = root.resolve(spec.id());
    if (Files.exists(dir.resolve(STATE))) {
      throw new IllegalStateException("Workload " + spec.id() + " exists already.");
    }
    Properties state = new Properties();
    try {
      Files.createDirectories(dir);
      label(spec, state);
      checkout(spec, dir.resolve("work"));
      writeFiles(dir.resolve("work"), spec.files());
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "Workload " + spec.id() + " could not start", e);
      return fail(dir, state, "could not start: " + e.getMessage());
    }
    return launch(spec, dir, state);
  }

  /**
   * Stops the process (if it runs) and starts the command again in the same checkout, so that
   * files changed but not committed are still there.
   */
  @Override
  public synchronized WorkloadStatus restart(WorkloadSpec spec) {
    Path dir = root.resolve(spec.id());
    Optional<Properties> loaded = load(dir);
    if (loaded.isEmpty() || !Files.isDirectory(dir.resolve("work"))) {
      org.tessera.projects.infrastructure.ArchiveExtractor.deleteRecursively(dir);
      return start(spec);
    }
    Properties state = loaded.get();
    live(state).ifPresent(LocalRuntime::terminate);
    children.remove(spec.id());
    cpuReadings.remove(spec.id());
    gpus.release(spec.id());
    group(spec.id(), state).ifPresent(CgroupLimits::remove);
    try {
      Files.writeString(dir.resolve(OUTPUT), "Tessera: restarted at " + Instant.now() + "\n", java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Could not write the output of " + dir, e);
    }
    state.remove("pid");
    state.remove("startTicks");
    state.remove("cgroup");
    return launch(spec, dir, state);
  }

  /** Starts the process of a workload whose checkout is in place. */
  private WorkloadStatus launch(WorkloadSpec spec, Path dir, Properties state) {
    try {
      label(spec, state);
      state.setProperty("limits", limits.mode().name());
      List<Integer> gpuIndexes = List.of();
      if (spec.profile() != null && spec.profile().gpus() > 0) {
        Optional<List<Integer>> granted = gpus.reserve(spec.id(), spec.profile().gpus(), inUseGpus());
        if (granted.isEmpty()) {
          return fail(dir, state, "not enough free GPUs on this host for profile " + spec.profile().name() + " (it needs " + spec.profile().gpus() + ", " + gpus.count() + " installed)");
        }
        gpuIndexes = granted.get();
        state.setProperty("gpus", String.join(",", gpuIndexes.stream().map(String::valueOf).toList()));
      }
      Path work = dir.resolve("work");
      int port = spec.port() > 0 ? spec.port() : freePort();
      state.setProperty("port", String.valueOf(port));
      List<String> command = new ArrayList<>(List.of("setsid"));
      command.addAll(limits.wrap(spec.id(), spec.profile(), spec.command().stream().map(arg -> arg.replace("{port}", String.valueOf(port))).toList()));
      limits.groupOf(spec.id()).ifPresent(group -> state.setProperty("cgroup", group.toString()));
      ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(OUTPUT).toFile()));
      Map<String, String> env = builder.environment();
      env.keySet().retainAll(List.of("PATH", "LANG", "LC_ALL", "TZ"));
      env.put("HOME", Files.createDirectories(dir.resolve("home")).toString());
      env.put("PORT", String.valueOf(port));
      spec.environment().forEach((k, v) -> env.put(k, v.replace("{port}", String.valueOf(port))));
      if (!gpuIndexes.isEmpty()) {
        env.put("CUDA_VISIBLE_DEVICES", state.getProperty("gpus"));
      }
      Process process = builder.start();
      process.getOutputStream().close();
      children.put(spec.id(), process);
      state.setProperty("pid", String.valueOf(process.pid()));
      state.setProperty("startTicks", startTicks(process.pid()).orElse(""));
      state.setProperty("startedAt", Instant.now().toString());
      return save(dir, state, WorkloadPhase.STARTING, null);
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "Workload " + spec.id() + " could not start", e);
      return fail(dir, state, "could not start: " + e.getMessage());
    }
  }

  private static void label(WorkloadSpec spec, Properties state) {
    spec.labels().forEach((k, v) -> state.setProperty("label." + k, v));
    state.setProperty("label.tessera.org/kind", spec.kind().key());
    state.setProperty("label.tessera.org/owner", spec.owner());
    state.setProperty("label.tessera.org/project", spec.projectId() == null ? "" : spec.projectId());
    state.setProperty("profile", spec.profile() == null ? "" : spec.profile().name());
  }

  /** The cgroup a workload was started in by this runtime, if any. */
  private static Optional<Path> group(String id, Properties state) {
    return Optional.ofNullable(state.getProperty("cgroup")).filter(s -> !s.isBlank()).map(Path::of);
  }

  private void checkout(WorkloadSpec spec, Path work) throws IOException {
    if (spec.repositoryUrl() == null) {
      Files.createDirectories(work);
      return;
    }
    try (Git git = Git.cloneRepository().setURI(spec.repositoryUrl()).setDirectory(work.toFile()).call()) {
      if (spec.revision() != null && !spec.revision().isBlank()) {
        git.checkout().setName(spec.revision()).call();
      }
    } catch (GitAPIException e) {
      throw new IOException("the project could not be checked out: " + e.getMessage(), e);
    }
  }

  private static void writeFiles(Path work, Map<String, String> files) throws IOException {
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path target = work.resolve(file.getKey()).normalize();
      if (!target.startsWith(work)) {
        throw new IOException("the file " + file.getKey() + " would land outside the project");
      }
      Files.createDirectories(target.getParent());
      Files.writeString(target, file.getValue());
    }
  }

  @Override
  public synchronized void stop(String id) {
    Path dir = root.resolve(id);
    Optional<Properties> loaded = load(dir);
    if (loaded.isEmpty()) {
      return;
    }
    Properties state = loaded.get();
    WorkloadPhase phase = WorkloadPhase.valueOf(state.getProperty("phase"));
    if (phase.isFinal()) {
      return;
    }
    live(state).ifPresent(LocalRuntime::terminate);
    children.remove(id);
    cpuReadings.remove(id);
    gpus.release(id);
    group(id, state).ifPresent(CgroupLimits::remove);
    save(dir, state, WorkloadPhase.STOPPED, "stopped");
  }

  /** SIGTERM to the process and its descendants, SIGKILL to what is left after 10 s. */
  private static void terminate(ProcessHandle process) {
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    tree.add(process);
    tree.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    for (ProcessHandle handle : tree) {
      try {
        handle.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (Exception notYet) {
        handle.destroyForcibly();
      }
    }
  }

  @Override
  public synchronized Optional<WorkloadStatus> status(String id) {
    Path dir = root.resolve(id);
    return load(dir).map(state -> refresh(id, dir, state));
  }

  /** Brings a non-final workload up to date: a dead process fails it, an open port makes it run. */
  private WorkloadStatus refresh(String id, Path dir, Properties state) {
    WorkloadPhase phase = WorkloadPhase.valueOf(state.getProperty("phase"));
    if (phase.isFinal()) {
      return toStatus(id, state);
    }
    if (live(state).isEmpty()) {
      Process child = children.remove(id);
      Optional<Path> group = group(id, state);
      boolean outOfMemory = group.map(CgroupLimits::oomKilled).orElse(false);
      Optional<Integer> exit = child == null ? Optional.empty() : exitValue(child);
      String reason = exit.isEmpty()
          ? "the process ended while Tessera was not watching it"
          : "the process exited with status " + exit.get() + (outOfMemory ? " (killed for using more memory than its profile allows)" : describe(exit.get()));
      if (outOfMemory && child == null) {
        reason += " (its group recorded an out-of-memory kill: it used more memory than its profile allows)";
      }
      gpus.release(id);
      cpuReadings.remove(id);
      group.ifPresent(CgroupLimits::remove);
      return save(dir, state, WorkloadPhase.FAILED, reason);
    }
    if (phase == WorkloadPhase.STARTING && listening(Integer.parseInt(state.getProperty("port")))) {
      return save(dir, state, WorkloadPhase.RUNNING, null);
    }
    return toStatus(id, state);
  }

  /**
   * The exit status of a child seen dead in /proc: Java reaps it on its own thread, so the status
   * may lag a moment behind.
   */
  private static Optional<Integer> exitValue(Process child) {
    try {
      return child.waitFor(2, TimeUnit.SECONDS) ? Optional.of(child.exitValue()) : Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private static String describe(int exitValue) {
    return switch (exitValue) {
      case 137 -> " (killed, possibly for using more memory than its profile allows)";
      case 143 -> " (terminated)";
      default -> "";
    };
  }

  @Override
  public synchronized List<WorkloadStatus> list(Map<String, String> selector) {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    List<WorkloadStatus> matching = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(root)) {
      for (Path dir : dirs.sorted().toList()) {
        Optional<Properties> state = load(dir);
        if (state.isPresent() && selector.entrySet().stream().allMatch(e -> e.getValue().equals(state.get().getProperty("label." + e.getKey())))) {
          matching.add(refresh(dir.getFileName().toString(), dir, state.get()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return matching;
  }

  @Override
  public List<String> logs(String id, int lines) {
    Path output = root.resolve(id).resolve(OUTPUT);
    if (!Files.exists(output)) {
      return List.of();
    }
    try (RandomAccessFile file = new RandomAccessFile(output.toFile(), "r")) {
      long length = file.length();
      long from = Math.max(0, length - 256L * 1024);
      file.seek(from);
      byte[] tail = new byte[(int) (length - from)];
      file.readFully(tail);
      List<String> all = new String(tail, StandardCharsets.UTF_8).lines().toList();
      return all.subList(Math.max(0, all.size() - lines), all.size());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Follows {@code output.log}: what is there, then what is appended, until the workload is in a
   * final phase and everything written has been read.
   */
  @Override
  public InputStream followLogs(String id) {
    Path output = root.resolve(id).resolve(OUTPUT);
    if (!Files.exists(output)) {
      return InputStream.nullInputStream();
    }
    try {
      return new FollowingInputStream(new RandomAccessFile(output.toFile(), "r"), () -> status(id).map(s -> s.phase().isFinal()).orElse(true));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a growing file; at its end, waits for more until {@code ended} says the writer is done. */
  private static final class FollowingInputStream extends InputStream {
    private static final long POLL_MILLIS = 250;
    private final RandomAccessFile file;
    private final java.util.function.BooleanSupplier ended;
    private boolean closed;

    FollowingInputStream(RandomAccessFile file, java.util.function.BooleanSupplier ended) {
      this.file = file;
      this.ended = ended;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      while (!closed) {
        int n = file.read(buffer, offset, length);
        if (n > 0) {
          return n;
        }
        // Checked before the last read so nothing written just before the end is lost.
        boolean done = ended.getAsBoolean();
        n = file.read(buffer, offset, length);
        if (n > 0) {
          return n;
        }
        if (done) {
          return -1;
        }
        try {
          Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new java.io.InterruptedIOException("Interrupted while following the output");
        }
      }
      return -1;
    }

    @Override
    public void close() throws IOException {
      closed = true;
      file.close();
    }
  }

  /**
   * CPU and memory of the workload: from its cgroup where it has one, otherwise from {@code /proc}
   * for every process of its session (the workload runs under {@code setsid}, so its pid is the
   * session id), counting memory as proportional set size so shared pages are not counted twice.
   */
  @Override
  public WorkloadUsage usage(String id) {
    WorkloadUsage.Limits kind = limits.enforced() ? WorkloadUsage.Limits.ENFORCED : WorkloadUsage.Limits.ADVISORY;
    Optional<Properties> state = load(root.resolve(id));
    if (state.isEmpty()) {
      return WorkloadUsage.notReported("not reported: the runtime has no record of it", kind, limits.describe());
    }
    if (!state.get().getProperty("limits", limits.mode().name()).equals(limits.mode().name())) {
      // Started before the host's limits changed (e.g. Tessera now runs under systemd): its own way counts.
      CgroupLimits.Mode then = CgroupLimits.Mode.valueOf(state.get().getProperty("limits"));
      kind = then == CgroupLimits.Mode.PRLIMIT ? WorkloadUsage.Limits.ADVISORY : WorkloadUsage.Limits.ENFORCED;
    }
    String note = kind == WorkloadUsage.Limits.ENFORCED ? "enforced by the kernel (cgroup v2)" : limits.enforced()
        ? "advisory: this workload was started before cgroups were available (prlimit)" : limits.describe();
    Optional<ProcessHandle> process = live(state.get());
    if (process.isEmpty()) {
      return WorkloadUsage.notReported("not reported: the workload is not running", kind, note);
    }
    Optional<Path> group = group(id, state.get());
    if (group.isEmpty() && limits.mode() == CgroupLimits.Mode.SYSTEMD && !state.get().getProperty("limits", "").equals("PRLIMIT")) {
      group = CgroupLimits.groupOfProcess(process.get().pid());
    }
    Optional<long[]> reading = group.flatMap(CgroupLimits::readUsage);
    String source = "cgroup";
    if (reading.isEmpty()) {
      reading = ProcUsage.ofSession(process.get().pid());
      source = "/proc";
    }
    if (reading.isEmpty()) {
      return WorkloadUsage.notReported("not reported: /proc of process " + process.get().pid() + " could not be read", kind, note);
    }
    long now = System.nanoTime();
    long cpuNanos = reading.get()[1];
    CpuReading previous = cpuReadings.put(id, new CpuReading(now, cpuNanos));
    double cores;
    if (previous != null && now - previous.wallNanos() > 200_000_000L && cpuNanos >= previous.cpuNanos()) {
      cores = (double) (cpuNanos - previous.cpuNanos()) / (now - previous.wallNanos());
    } else {
      Instant started = Instant.parse(state.get().getProperty("startedAt", state.get().getProperty("since")));
      long wall = Math.max(1, java.time.Duration.between(started, Instant.now()).toNanos());
      cores = (double) cpuNanos / wall;
    }
    return new WorkloadUsage(Math.round(cores * 100) / 100.0, reading.get()[0], source, kind, note);
  }

  /** The directory a workload's files are checked out to. */
  public Path workingDirectory(String id) {
    return root.resolve(id).resolve("work");
  }

  /** Stops the workload and removes its directory (its checkout and logs). */
  @Override
  public synchronized void remove(String id) {
    status(id).filter(s -> !s.phase().isFinal()).ifPresent(s -> stop(id));
    org.tessera.projects.infrastructure.ArchiveExtractor.deleteRecursively(root.resolve(id));
  }

  private Map<String, List<Integer>> inUseGpus() {
    Map<String, List<Integer>> used = new HashMap<>();
    for (WorkloadStatus status : list(Map.of())) {
      if (!status.phase().isFinal()) {
        load(root.resolve(status.id())).map(p -> p.getProperty("gpus", "")).filter(s -> !s.isEmpty())
            .ifPresent(s -> used.put(status.id(), Stream.of(s.split(",")).map(Integer::valueOf).toList()));
      }
    }
    return used;
  }

  /** The workload's process if it still runs and is the same process (pids are reused). */
  private static Optional<ProcessHandle> live(Properties state) {
    String pid = state.getProperty("pid");
    if (pid == null) {
      return Optional.empty();
    }
    return ProcessHandle.of(Long.parseLong(pid))
        .filter(ProcessHandle::isAlive)
        .filter(p -> !isZombie(p.pid()))
        .filter(p -> state.getProperty("startTicks", "").isEmpty() || startTicks(p.pid()).map(t -> t.equals(state.getProperty("startTicks"))).orElse(false));
  }

  /** Field 22 of /proc/PID/stat: when the process started, in clock ticks since boot. */
  static Optional<String> startTicks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Optional.of(fields[19]);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static boolean isZombie(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
      return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
    } catch (IOException e) {
      return true;
    }
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * A free port above Linux's ephemeral range (32768-60999), so that a workload never takes a port
   * that the platform itself or an outgoing connection may need later.
   */
  private static int freePort() throws IOException {
    int first = 61000;
    int count = 4000;
    int start = java.util.concurrent.ThreadLocalRandom.current().nextInt(count);
    for (int i = 0; i < count; i++) {
      int port = first + (start + i) % count;
      try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        return socket.getLocalPort();
      } catch (IOException taken) {
        // try the next one
      }
    }
    throw new IOException("no free port between " + first + " and " + (first + count - 1));
  }

  private WorkloadStatus fail(Path dir, Properties state, String reason) {
    gpus.release(dir.getFileName().toString());
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(OUTPUT), "Tessera: " + reason + "\n", java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Could not write the output of " + dir, e);
    }
    return save(dir, state, WorkloadPhase.FAILED, reason);
  }

  private WorkloadStatus save(Path dir, Properties state, WorkloadPhase phase, String reason) {
    state.setProperty("phase", phase.name());
    state.setProperty("since", Instant.now().toString());
    if (reason == null) {
      state.remove("reason");
    } else {
      state.setProperty("reason", reason);
    }
    Path temporary = dir.resolve(STATE + ".tmp");
    try (OutputStream out = Files.newOutputStream(temporary)) {
      state.store(out, "Tessera local workload; rewritten on every change");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      Files.move(temporary, dir.resolve(STATE), java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return toStatus(dir.getFileName().toString(), state);
  }

  private static Optional<Properties> load(Path dir) {
    Path file = dir.resolve(STATE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Properties state = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      state.load(in);
      return Optional.of(state);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static WorkloadStatus toStatus(String id, Properties state) {
    int port = Integer.parseInt(state.getProperty("port", "0"));
    WorkloadPhase phase = WorkloadPhase.valueOf(state.getProperty("phase"));
    return new WorkloadStatus(id, phase, state.getProperty("reason"), Instant.parse(state.getProperty("since")), port > 0 ? "127.0.0.1" : null, port);
  }
}
