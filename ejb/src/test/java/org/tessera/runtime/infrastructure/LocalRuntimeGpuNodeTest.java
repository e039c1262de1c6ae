package org.tessera.runtime.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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

/**
 * The local runtime on a host with real NVIDIA GPUs: the inventory comes from {@code nvidia-smi},
 * a GPU profile's workload sees its GPU (and only it) through {@code CUDA_VISIBLE_DEVICES}, a
 * workload asking for more GPUs than are free fails with the reason, and stopping gives the GPU
 * back. Skipped, saying so, on hosts without a GPU (CI); run on a GPU node with the device tool.
 */
class LocalRuntimeGpuNodeTest {

  @TempDir Path temp;
  private LocalRuntime runtime;
  private GpuInventory gpus;
  private String repository;

  @BeforeEach
  void aGpuHostAndAProject() throws Exception {
    gpus = GpuInventory.detect();
    Assumptions.assumeTrue(gpus.count() > 0, "no NVIDIA GPU on this host (nvidia-smi is missing or lists none): GPU node checks need one");
    Path project = temp.resolve("project");
    try (Git git = Git.init().setInitialBranch("main").setDirectory(project.toFile()).call()) {
      Files.writeString(project.resolve("README.md"), "gpu check\n");
      git.add().addFilepattern(".").call();
      git.commit().setMessage("Start").setAuthor("a", "a@b").setCommitter("a", "a@b").call();
    }
    repository = project.toUri().toString();
    runtime = new LocalRuntime(temp.resolve("workloads"), gpus);
  }

  @AfterEach
  void stopAll() {
    if (runtime != null) {
      runtime.list(Map.of()).forEach(s -> runtime.stop(s.id()));
    }
  }

  private WorkloadSpec spec(String id, int gpuCount) {
    ResourceProfile profile = new ResourceProfile("gpu-" + gpuCount, "", true, "2", "8Gi", gpuCount, Map.of());
    // What the workload's CUDA programs would see: the devices it was given, by index and UUID.
    List<String> command = List.of("/bin/sh", "-c", "echo visible=$CUDA_VISIBLE_DEVICES; nvidia-smi --query-gpu=index,name,uuid --format=csv,noheader -i $CUDA_VISIBLE_DEVICES; sleep 60");
    return new WorkloadSpec(id, WorkloadKind.SESSION, "ada", "p1", repository, null, command, Map.of(), Map.of(), profile, 0, Map.of());
  }

  private List<String> outputOf(String id) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    List<String> lines = runtime.logs(id, 20);
    while (lines.stream().noneMatch(l -> l.contains("GPU-")) && System.nanoTime() < deadline) {
      Thread.sleep(200);
      lines = runtime.logs(id, 20);
    }
    return lines;
  }

  @Test
  void eachGpuGoesToOneWorkloadWhichSeesItAndItComesBackOnStop() throws Exception {
    int count = gpus.count();
    for (int i = 0; i < count; i++) {
      WorkloadStatus started = runtime.start(spec("gpu" + i, 1));
      assertThat(started.phase()).as(started.reason()).isNotEqualTo(WorkloadPhase.FAILED);
      List<String> output = outputOf("gpu" + i);
      assertThat(output).as("workload %d sees GPU %d", i, i).contains("visible=" + i);
      String listed = i + ", ";
      assertThat(output.stream().filter(l -> l.startsWith(listed)).findFirst()).as("nvidia-smi inside the workload: %s", output).isPresent();
      System.out.println("workload gpu" + i + ": " + output);
    }

    WorkloadStatus refused = runtime.start(spec("one-too-many", 1));
    assertThat(refused.phase()).isEqualTo(WorkloadPhase.FAILED);
    assertThat(refused.reason()).contains("not enough free GPUs on this host for profile gpu-1").contains(count + " installed");

    runtime.stop("gpu0");
    WorkloadStatus again = runtime.start(spec("after-stop", 1));
    assertThat(again.phase()).as(again.reason()).isNotEqualTo(WorkloadPhase.FAILED);
    assertThat(outputOf("after-stop")).contains("visible=0");
  }
}
