package org.tessera.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** ./tessera itself: credentials, status, idempotent up, refusals that name the fix, recovery. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LauncherIT {

  static Platform platform;

  @BeforeAll
  static void startPlatform() {
    platform = Platform.shared();
  }

  @Test
  @Order(1)
  void admin_credentials_are_two_lines_with_a_generated_password() {
    Launcher.Result result = platform.launcher(Duration.ofMinutes(1), "admin-credentials");

    assertThat(result.exitCode()).isZero();
    assertThat(result.output().strip().split("\n"))
        .containsExactly("username: " + platform.adminUsername(), "password: " + platform.adminPassword());
    assertThat(platform.adminPassword()).hasSizeGreaterThanOrEqualTo(20).isNotEqualTo("admin");
  }

  @Test
  @Order(2)
  void status_shows_both_components_running_and_ready() {
    Launcher.Result result = platform.launcher(Duration.ofMinutes(1), "status");

    assertThat(result.output()).containsPattern("keycloak +running \\(pid \\d+\\)").containsPattern("wildfly +running \\(pid \\d+\\)");
    assertThat(result.output()).contains("\"status\":\"UP\"");
  }

  @Test
  @Order(3)
  void up_while_running_changes_nothing_and_reports_the_url() {
    Launcher.Result result = platform.launcher(Duration.ofMinutes(2), "up");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("Keycloak is already running", "WildFly is already running", "Tessera is up at " + platform.url() + "/");
  }

  @Test
  @Order(4)
  void a_busy_port_is_refused_naming_the_port_and_the_setting_and_nothing_is_started() {
    Platform other = new Platform("busy-port-home", Platform.port(480), platform.keycloakPort(), "h2");

    Launcher.Result result = other.launcher(Duration.ofMinutes(2), "up");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.output()).contains("Port " + platform.keycloakPort(), "TESSERA_KEYCLOAK_PORT");
    assertThat(other.home().resolve("run/keycloak.pid")).doesNotExist();
    assertThat(other.home().resolve("run/wildfly.pid")).doesNotExist();
  }

  @Test
  @Order(5)
  void a_directory_that_is_not_a_tessera_data_directory_is_refused() throws IOException {
    Path notAHome = Files.createTempDirectory(Launcher.IT_DIR, "not-a-home-");
    Files.writeString(notAHome.resolve("thesis.tex"), "precious");

    Launcher.Result result = Launcher.run(Map.of("TESSERA_HOME", notAHome.toString(), "TESSERA_SKIP_BUILD", "1"), Duration.ofMinutes(1), null, "up");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.output()).contains("not a Tessera data directory", "Choose another TESSERA_HOME");
    assertThat(notAHome.resolve("thesis.tex")).hasContent("precious");
  }

  @Test
  @Order(6)
  void an_unknown_database_url_is_refused_with_the_expected_form() {
    Launcher.Result result = platform.launcher(Duration.ofMinutes(1), "up", "--db", "mysql://x@y/z");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.output()).contains("postgresql://USER:PASSWORD@HOST:PORT/DATABASE");
  }

  @Test
  @Order(10)
  void a_killed_wildfly_comes_back_with_up_and_no_data_is_lost() throws Exception {
    String token = Http.passwordToken(platform.realmUrl(), "tessera-cli", platform.adminUsername(), platform.adminPassword());
    Http.send("PATCH", platform.url() + "/api/v1/me", token, "{}");
    long before = Http.get(platform.url() + "/api/v1/audit?action=api.patch", token).json().get("total").asLong();
    assertThat(before).isPositive();

    long pid = Long.parseLong(Files.readString(platform.home().resolve("run/wildfly.pid")).strip());
    Process kill = new ProcessBuilder("kill", "-KILL", "--", "-" + pid).inheritIO().start();
    assertThat(kill.waitFor(30, TimeUnit.SECONDS)).isTrue();
    awaitDown(platform.url() + "/api/v1/health/live");

    Launcher.Result up = platform.launcher(Duration.ofMinutes(5), "up");
    assertThat(up.exitCode()).as(up.output()).isZero();
    assertThat(up.output()).contains("Keycloak is already running", "Starting WildFly");

    String fresh = Http.passwordToken(platform.realmUrl(), "tessera-cli", platform.adminUsername(), platform.adminPassword());
    long after = Http.get(platform.url() + "/api/v1/audit?action=api.patch", fresh).json().get("total").asLong();
    assertThat(after).isEqualTo(before);
  }

  private static void awaitDown(String url) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        Http.get(url, null);
      } catch (AssertionError connectionRefused) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("WildFly still answers after being killed");
  }
}
