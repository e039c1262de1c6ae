package org.tessera.runtime.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.runtime.domain.ResourceProfile;
import org.tessera.runtime.domain.WorkloadKind;
import org.tessera.runtime.domain.WorkloadPhase;
import org.tessera.runtime.domain.WorkloadSpec;
import org.tessera.runtime.domain.WorkloadStatus;
import org.tessera.runtime.domain.WorkloadUsage;

/**
 * What local workloads use and how they are held to their profiles, with real processes: usage
 * from /proc (or the workload's cgroup), prlimit's per-process memory limit, cgroup v2 limits
 * where this host allows them (skipped, saying why, where it does not), following the output and
 * restarting on the same checkout.
 */
class LocalRuntimeLimitsTest {

  private static final ResourceProfile SMALL = new ResourceProfile("small", "", true, "1", "1Gi", 0, Map.of());
  /** Allocates 200 MB, keeps it, and spins one core until killed. */
  private static final List<String> HOG = List.of("python3", "-c",
      "import time\nx = bytearray(200 * 1024 * 1024)\nfor i in range(0, len(x), 4096): x[i] = 1\nprint('allocated', flush=True)\nwhile True: pass");

  @TempDir Path temp;
  private String repository;
  private LocalRuntime runtime;

  @BeforeEach
  void aProject() throws Exception {
    Path project = temp.resolve("project");
    try (Git git = Git.init().setInitialBranch("main").setDirectory(project.toFile()).call()) {
      Files.writeString(project.resolve("README.md"), "a project\n");
      git.add().addFilepattern(".").call();
      git.commit().setMessage("Start").setAuthor("a", "a@b").setCommitter("a", "a@b").call();
    }
    repository = project.toUri().toString();
    runtime = new LocalRuntime(temp.resolve("workloads"), new GpuInventory(List.of()), CgroupLimits.prlimitOnly("the test asks for prlimit"));
  }

  @AfterEach
  void stopAll() {
    runtime.list(Map.of()).forEach(s -> runtime.stop(s.id()));
  }

  private WorkloadSpec spec(String id, List<String> command, ResourceProfile profile) {
    return new WorkloadSpec(id, WorkloadKind.SESSION, "ada", "p1", repository, null, command, Map.of(), Map.of(), profile, 0, Map.of());
  }

  private static WorkloadStatus await(LocalRuntime runtime, String id, Predicate<WorkloadStatus> condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    WorkloadStatus status = runtime.status(id).orElseThrow();
    while (!condition.test(status) && System.nanoTime() < deadline) {
      Thread.sleep(100);
      status = runtime.status(id).orElseThrow();
    }
    return status;
  }

  private static void awaitLog(LocalRuntime runtime, String id, String line) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!runtime.logs(id, 50).contains(line) && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(runtime.logs(id, 50)).contains(line);
  }

  @Test
  void usageOfARunningWorkloadComesFromProcAndItsLimitsAreAdvisory() throws Exception {
    runtime.start(spec("hog", HOG, SMALL));
    awaitLog(runtime, "hog", "allocated");
    runtime.usage("hog");
    Thread.sleep(1000);

    WorkloadUsage usage = runtime.usage("hog");

    assertThat(usage.source()).isEqualTo("/proc");
    assertThat(usage.memoryBytes()).as("200 MB allocated and touched").isGreaterThan(190L << 20).isLessThan(400L << 20);
    assertThat(usage.cpuCores()).as("one core spinning, on a shared machine").isGreaterThan(0.2).isLessThanOrEqualTo(1.05);
    assertThat(usage.limits()).isEqualTo(WorkloadUsage.Limits.ADVISORY);
    assertThat(usage.limitsNote()).contains("prlimit", "the test asks for prlimit");

    runtime.stop("hog");
    assertThat(runtime.usage("hog").reported()).isFalse();
    assertThat(runtime.usage("hog").source()).startsWith("not reported");
    assertThat(runtime.usage("never-started").source()).startsWith("not reported");
  }

  @Test
  void prlimitStopsASingleProcessFromAllocatingMoreThanItsProfile() throws Exception {
    ResourceProfile tiny = new ResourceProfile("tiny", "", true, "1", "100Mi", 0, Map.of());
    runtime.start(spec("tiny", HOG, tiny));

    WorkloadStatus failed = await(runtime, "tiny", s -> s.phase().isFinal());

    assertThat(failed.phase()).isEqualTo(WorkloadPhase.FAILED);
    assertThat(runtime.logs("tiny", 20)).anySatisfy(l -> assertThat(l).contains("MemoryError"));
  }

  @Test
  void withCgroupsTheKernelHoldsTheWorkloadToItsProfile() throws Exception {
    CgroupLimits host = CgroupLimits.detect();
    Assumptions.assumeTrue(host.enforced(), "cgroup v2 limits are not available on this host, so only prlimit is tested here: " + host.describe());
    LocalRuntime limited = new LocalRuntime(temp.resolve("limited"), new GpuInventory(List.of()), host);
    try {
      ResourceProfile tiny = new ResourceProfile("tiny", "", true, "250m", "100Mi", 0, Map.of());
      limited.start(spec("oom", HOG, tiny));
      WorkloadStatus killed = await(limited, "oom", s -> s.phase().isFinal());
      assertThat(killed.reason()).contains("more memory than its profile allows");

      ResourceProfile quarter = new ResourceProfile("quarter", "", true, "250m", "1Gi", 0, Map.of());
      limited.start(spec("spin", HOG, quarter));
      awaitLog(limited, "spin", "allocated");
      limited.usage("spin");
      Thread.sleep(2000);
      WorkloadUsage usage = limited.usage("spin");
      assertThat(usage.source()).isEqualTo("cgroup");
      assertThat(usage.limits()).isEqualTo(WorkloadUsage.Limits.ENFORCED);
      assertThat(usage.cpuCores()).as("held to a quarter core").isLessThan(0.35);
    } finally {
      limited.list(Map.of()).forEach(s -> limited.stop(s.id()));
    }
  }

  @Test
  void followingTheOutputGivesWhatIsWrittenUntilTheWorkloadEnds() throws Exception {
    runtime.start(spec("talker", List.of("/bin/sh", "-c", "echo one; sleep 1; echo two; sleep 1; echo three"), SMALL));

    CompletableFuture<String> followed = CompletableFuture.supplyAsync(() -> {
      try (InputStream output = runtime.followLogs("talker")) {
        return new String(output.readAllBytes(), StandardCharsets.UTF_8);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });

    assertThat(followed.get(30, TimeUnit.SECONDS)).as("the stream ends by itself when the process does").contains("one\ntwo\nthree\n");
    assertThat(runtime.followLogs("unknown").read()).isEqualTo(-1);
  }

  @Test
  void closingAFollowedOutputEndsTheFollowing() throws Exception {
    runtime.start(spec("quiet", List.of("/bin/sh", "-c", "echo hello; sleep 60"), SMALL));
    awaitLog(runtime, "quiet", "hello");
    InputStream output = runtime.followLogs("quiet");
    byte[] first = new byte[6];
    assertThat(output.readNBytes(first, 0, 6)).isEqualTo(6);
    assertThat(new String(first, StandardCharsets.UTF_8)).isEqualTo("hello\n");

    CompletableFuture<Integer> blocked = CompletableFuture.supplyAsync(() -> {
      try {
        return output.read();
      } catch (java.io.IOException e) {
        return -2;
      }
    });
    Thread.sleep(500);
    assertThat(blocked).as("waits for more output while the workload runs").isNotDone();
    output.close();
    assertThat(blocked.get(5, TimeUnit.SECONDS)).isNegative();
  }

  @Test
  void aRestartRunsTheCommandAgainOnTheSameCheckout() throws Exception {
    List<String> server = List.of("python3", "-m", "http.server", "{port}", "--bind", "127.0.0.1");
    runtime.start(spec("again", server, SMALL));
    WorkloadStatus first = await(runtime, "again", WorkloadStatus::reachable);
    Files.writeString(runtime.workingDirectory("again").resolve("unsaved.txt"), "not committed\n");
    ProcessHandle firstProcess = ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains("http.server " + first.port() + " ")).findFirst().orElseThrow();

    WorkloadStatus restarted = runtime.restart(spec("again", server, SMALL));

    assertThat(restarted.phase()).isEqualTo(WorkloadPhase.STARTING);
    WorkloadStatus running = await(runtime, "again", WorkloadStatus::reachable);
    assertThat(running.phase()).isEqualTo(WorkloadPhase.RUNNING);
    assertThat(runtime.workingDirectory("again").resolve("unsaved.txt")).hasContent("not committed\n");
    assertThat(runtime.logs("again", 50)).anySatisfy(l -> assertThat(l).startsWith("Tessera: restarted at"));
    assertThat(firstProcess.isAlive()).as("the first process is gone").isFalse();

    runtime.stop("again");
    assertThat(runtime.restart(spec("again", server, SMALL)).phase()).as("a stopped workload can be restarted too").isEqualTo(WorkloadPhase.STARTING);
    assertThat(runtime.restart(spec("fresh", server, SMALL)).phase()).as("an unknown one starts fresh").isEqualTo(WorkloadPhase.STARTING);
  }
}
