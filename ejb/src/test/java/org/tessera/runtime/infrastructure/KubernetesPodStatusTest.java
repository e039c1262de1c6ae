package org.tessera.runtime.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The scheduler's and the API's words turned into the user's; no server involved. */
class KubernetesPodStatusTest {

  @Test
  void schedulerMessagesSayWhatIsMissingForTheProfile() {
    assertThat(KubernetesPodStatus.unschedulable("0/3 nodes are available: 3 Insufficient memory.", "large"))
        .isEqualTo("not enough memory on any node for profile large");
    assertThat(KubernetesPodStatus.unschedulable("0/3 nodes are available: 1 Insufficient cpu, 2 Insufficient memory.", "large"))
        .isEqualTo("not enough memory and CPU on any node for profile large");
    assertThat(KubernetesPodStatus.unschedulable("0/2 nodes are available: 2 Insufficient nvidia.com/gpu.", "gpu"))
        .isEqualTo("not enough GPUs on any node for profile gpu");
    assertThat(KubernetesPodStatus.unschedulable("0/2 nodes are available: 2 node(s) didn't match Pod's node affinity/selector.", "gpu"))
        .isEqualTo("no node matches the node selector of profile gpu");
    assertThat(KubernetesPodStatus.unschedulable("0/1 nodes are available: 1 node(s) had volume node affinity conflict.", "small"))
        .startsWith("no node can run it with profile small: 0/1 nodes");
  }

  @Test
  void labelValuesAreMadeValid() {
    assertThat(KubernetesRuntime.labelValue("Alice@Example.com")).isEqualTo("alice_example.com");
    assertThat(KubernetesRuntime.labelValue("_x_")).isEqualTo("x");
    assertThat(KubernetesRuntime.labelValue("a".repeat(70))).hasSize(63);
    assertThat(KubernetesRuntime.labelValue(null)).isEmpty();
  }

  @Test
  void workloadNamesCarryTheKind() {
    assertThat(KubernetesRuntime.name(org.tessera.runtime.domain.WorkloadKind.APP, "abc")).isEqualTo("tessera-app-abc");
  }
}
