package org.tessera.runtime.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Settings are read from system properties (environment variables as the fallback), and {@link
 * KubernetesRuntime#connect} reaches the cluster its kubeconfig names: API-level, against fabric8's
 * mock server.
 */
@EnableKubernetesMockClient(https = false, crud = true)
class KubernetesSettingsApiLevelTest {

  static KubernetesMockServer server;

  private static final String[] PROPERTIES = {
    "tessera.runtime", "tessera.kubernetes.namespace", "tessera.kubernetes.kubeconfig", "tessera.kubernetes.editor-image",
    "tessera.kubernetes.git-image", "tessera.kubernetes.app-image", "tessera.public-url"
  };

  @AfterEach
  void clear() {
    for (String property : PROPERTIES) {
      System.clearProperty(property);
    }
  }

  @Test
  void apiLevel_onlyTesseraRuntimeKubernetesSelectsIt() {
    System.setProperty("tessera.runtime", "local");
    assertThat(KubernetesSettings.selected()).isFalse();
    System.setProperty("tessera.runtime", "kubernetes");
    assertThat(KubernetesSettings.selected()).isTrue();
  }

  @Test
  void apiLevel_imagesDefaultToTheEditorImageAndPropertiesWin() {
    System.setProperty("tessera.kubernetes.namespace", "work");
    System.setProperty("tessera.kubernetes.editor-image", "registry.local/editor:7");
    System.setProperty("tessera.kubernetes.app-image", "registry.local/app:1");

    KubernetesSettings settings = KubernetesSettings.fromEnvironment();

    assertThat(settings.namespace()).isEqualTo("work");
    assertThat(settings.editorImage()).isEqualTo("registry.local/editor:7");
    assertThat(settings.gitImage()).isEqualTo("registry.local/editor:7");
    assertThat(settings.appImage()).isEqualTo("registry.local/app:1");
    assertThat(settings.kubeconfig()).isEmpty();
  }

  @Test
  void apiLevel_connectUsesTheKubeconfigOfTheSettings(@TempDir Path dir) throws IOException, InterruptedException {
    Path kubeconfig = dir.resolve("config");
    Files.writeString(kubeconfig, """
        apiVersion: v1
        kind: Config
        clusters:
          - name: mock
            cluster:
              server: %s
        users:
          - name: tessera
            user:
              token: not-checked-by-the-mock
        contexts:
          - name: mock
            context:
              cluster: mock
              user: tessera
              namespace: ignored
        current-context: mock
        """.formatted(server.url("/").replaceAll("/$", "")));
    System.setProperty("tessera.kubernetes.namespace", "connected");
    System.setProperty("tessera.kubernetes.kubeconfig", kubeconfig.toString());

    KubernetesRuntime runtime = KubernetesRuntime.connect(KubernetesSettings.fromEnvironment());

    assertThat(runtime.name()).isEqualTo("kubernetes");
    assertThat(runtime.list(Map.of())).isEmpty();
    assertThat(server.getLastRequest().getPath()).startsWith("/api/v1/namespaces/connected/pods");
  }
}
