package org.tessera.runtime.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tessera.channels.domain.PackageSources;

/** Platform-wide environment (the channels' package sources) added to every workload. */
class WorkloadSpecTest {

  private static WorkloadSpec spec(Map<String, String> environment) {
    return new WorkloadSpec("s1", WorkloadKind.SESSION, "ada", "p1", "file:///repo", null, List.of("true"), environment, Map.of(), null, 0, Map.of());
  }

  @Test
  void defaultsAreAddedAndTheWorkloadsOwnVariablesWin() {
    WorkloadSpec spec = spec(Map.of("PIP_INDEX_URL", "https://project.example/simple/", "TESSERA_SESSION_ID", "s1"))
        .withDefaultEnvironment(Map.of("PIP_INDEX_URL", "https://platform/simple/", "CONDA_CHANNEL_ALIAS", "https://platform/repository/conda"));

    assertThat(spec.environment())
        .containsEntry("PIP_INDEX_URL", "https://project.example/simple/")
        .containsEntry("CONDA_CHANNEL_ALIAS", "https://platform/repository/conda")
        .containsEntry("TESSERA_SESSION_ID", "s1");
    assertThat(spec.id()).isEqualTo("s1");
    assertThat(spec.command()).containsExactly("true");
  }

  @Test
  void theChannelSettingsReachTheWorkloadAsCondaAndPipVariables() {
    PackageSources sources = new PackageSources("https://t/repository/conda", List.of("https://t/repository/conda/main"), "https://t/repository/pypi/pypi/simple/", List.of(), List.of());

    WorkloadSpec spec = spec(Map.of()).withDefaultEnvironment(sources.environment());

    assertThat(spec.environment())
        .containsEntry("CONDA_DEFAULT_CHANNELS", "https://t/repository/conda/main")
        .containsEntry("PIP_INDEX_URL", "https://t/repository/pypi/pypi/simple/")
        .containsKey("TESSERA_CONDARC");
    assertThat(spec(Map.of("A", "1")).withDefaultEnvironment(Map.of()).environment()).containsOnlyKeys("A");
  }
}
