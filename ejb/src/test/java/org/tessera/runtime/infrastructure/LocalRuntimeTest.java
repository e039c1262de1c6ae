package org.tessera.runtime.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.runtime.domain.Quantities;
import org.tessera.runtime.domain.ResourceProfile;
import org.tessera.runtime.domain.WorkloadKind;
import org.tessera.runtime.domain.WorkloadPhase;
import org.tessera.runtime.domain.WorkloadSpec;
import org.tessera.runtime.domain.WorkloadStatus;

/** Real child processes (Python's HTTP server, shells) run from a real git checkout. */
class LocalRuntimeTest {

  private static final ResourceProfile SMALL = new ResourceProfile("small", "", true, "1", "1Gi", 0, Map.of());

  @TempDir Path temp;
  private LocalRuntime runtime;
  private String repository;

  @BeforeEach
  void aProject() throws Exception {
    Path project = temp.resolve("project");
    try (Git git = Git.init().setInitialBranch("main").setDirectory(project.toFile()).call()) {
      Files.writeString(project.resolve("index.html"), "hello from the project\n");
      git.add().addFilepattern(".").call();
      git.commit().setMessage("Start").setAuthor("a", "a@b").setCommitter("a", "a@b").call();
    }
    repository = project.toUri().toString();
    runtime = new LocalRuntime(temp.resolve("workloads"), new GpuInventory(List.of()));
  }

  @AfterEach
  void stopAll() {
    runtime.list(Map.of()).forEach(s -> runtime.stop(s.id()));
  }

  private WorkloadSpec spec(String id, List<String> command, ResourceProfile profile) {
    return new WorkloadSpec(id, WorkloadKind.APP, "ada", "p1", repository, null, command, Map.of("GREETING", "hi on {port}"), Map.of("conf/app.ini", "x=1\n"), profile, 0, Map.of("tessera.org/deployment", id));
  }

  private WorkloadStatus await(String id, Predicate<WorkloadStatus> condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    WorkloadStatus status = runtime.status(id).orElseThrow();
    while (!condition.test(status) && System.nanoTime() < deadline) {
      Thread.sleep(100);
      status = runtime.status(id).orElseThrow();
    }
    return status;
  }

  @Test
  void aServerRunsFromTheCheckoutOnAFreePortAndStops() throws Exception {
    WorkloadStatus started = runtime.start(spec("web1", List.of("/usr/bin/python3", "-m", "http.server", "{port}", "--bind", "127.0.0.1"), SMALL));
    assertThat(started.phase()).isEqualTo(WorkloadPhase.STARTING);

    WorkloadStatus running = await("web1", WorkloadStatus::reachable);
    assertThat(running.phase()).isEqualTo(WorkloadPhase.RUNNING);
    HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + running.port() + "/index.html")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(page.body()).isEqualTo("hello from the project\n");
    assertThat(runtime.workingDirectory("web1").resolve("conf/app.ini")).hasContent("x=1\n");
    assertThat(runtime.list(Map.of("tessera.org/deployment", "web1"))).extracting(WorkloadStatus::id).containsExactly("web1");
    assertThat(runtime.list(Map.of("tessera.org/deployment", "other"))).isEmpty();

    runtime.stop("web1");
    assertThat(runtime.status("web1").orElseThrow().phase()).isEqualTo(WorkloadPhase.STOPPED);
    runtime.stop("web1");
    assertThatThrownBy(() -> runtime.start(spec("web1", List.of("true"), SMALL))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aProcessThatDiesFailsWithItsStatusAndKeepsItsLastLogs() throws Exception {
    runtime.start(spec("dies", List.of("/bin/sh", "-c", "echo \"$GREETING\"; echo about to fail >&2; exit 3"), SMALL));

    WorkloadStatus failed = await("dies", s -> s.phase().isFinal());

    assertThat(failed.phase()).isEqualTo(WorkloadPhase.FAILED);
    assertThat(failed.reason()).isEqualTo("the process exited with status 3");
    assertThat(runtime.logs("dies", 10)).anySatisfy(l -> assertThat(l).startsWith("hi on ")).contains("about to fail");
  }

  @Test
  void anotherRuntimeInstanceFindsRunningWorkloadsAgainAndNoticesTheirDeath() throws Exception {
    runtime.start(spec("adopted", List.of("/usr/bin/python3", "-m", "http.server", "{port}", "--bind", "127.0.0.1"), SMALL));
    WorkloadStatus running = await("adopted", WorkloadStatus::reachable);

    LocalRuntime afterRestart = new LocalRuntime(temp.resolve("workloads"), new GpuInventory(List.of()));
    assertThat(afterRestart.status("adopted").orElseThrow().phase()).isEqualTo(WorkloadPhase.RUNNING);
    assertThat(afterRestart.status("adopted").orElseThrow().port()).isEqualTo(running.port());

    ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains("http.server " + running.port())).forEach(ProcessHandle::destroyForcibly);
    Thread.sleep(500);
    WorkloadStatus failed = afterRestart.status("adopted").orElseThrow();
    assertThat(failed.phase()).isEqualTo(WorkloadPhase.FAILED);
    assertThat(failed.reason()).contains("while Tessera was not watching");
  }

  @Test
  void aGpuProfileFailsClearlyWhenTheHostHasTooFewGpus() {
    ResourceProfile gpu = new ResourceProfile("gpu-1", "", true, "2", "4Gi", 1, Map.of());

    WorkloadStatus status = runtime.start(spec("gpu", List.of("true"), gpu));

    assertThat(status.phase()).isEqualTo(WorkloadPhase.FAILED);
    assertThat(status.reason()).contains("not enough free GPUs on this host for profile gpu-1");
  }

  @Test
  void gpusAreHandedOutByIndexAndFreedOnStop() throws Exception {
    LocalRuntime withGpus = new LocalRuntime(temp.resolve("gpu-workloads"), new GpuInventory(List.of(0, 1)));
    ResourceProfile gpu = new ResourceProfile("gpu-1", "", true, "1", "1Gi", 1, Map.of());
    List<String> printGpu = List.of("/bin/sh", "-c", "echo gpus=$CUDA_VISIBLE_DEVICES; sleep 30");
    try {
      withGpus.start(spec("g1", printGpu, gpu));
      withGpus.start(spec("g2", printGpu, gpu));
      assertThat(withGpus.start(spec("g3", printGpu, gpu)).reason()).contains("not enough free GPUs");
      Thread.sleep(500);
      assertThat(withGpus.logs("g1", 1)).containsExactly("gpus=0");
      assertThat(withGpus.logs("g2", 1)).containsExactly("gpus=1");
      withGpus.stop("g1");
      withGpus.start(spec("g4", printGpu, gpu));
      Thread.sleep(500);
      assertThat(withGpus.logs("g4", 1)).containsExactly("gpus=0");
    } finally {
      withGpus.list(Map.of()).forEach(s -> withGpus.stop(s.id()));
    }
  }

  @Test
  void quantitiesReadLikeKubernetes() {
    assertThat(Quantities.bytes("512Mi")).isEqualTo(512L << 20);
    assertThat(Quantities.bytes("2Gi")).isEqualTo(2L << 30);
    assertThat(Quantities.bytes("1G")).isEqualTo(1_000_000_000L);
    assertThat(Quantities.millicores("500m")).isEqualTo(500);
    assertThat(Quantities.millicores("2")).isEqualTo(2000);
    assertThatThrownBy(() -> Quantities.bytes("lots")).hasMessageContaining("512Mi");
  }
}
