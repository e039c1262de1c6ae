package org.tessera.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The tessera CLI through the launcher, against the real Keycloak and API. */
class CliIT {

  static Platform platform;

  @BeforeAll
  static void startPlatform() {
    platform = Platform.shared();
  }

  private Launcher.Result cli(String stdin, String... args) {
    return Launcher.run(platform.env(), Duration.ofMinutes(2), stdin, args);
  }

  @Test
  void login_with_a_password_then_whoami_then_logout() throws Exception {
    assertThat(cli(null, "config", "set", "sites.master.url", platform.url()).exitCode()).isZero();

    Launcher.Result login = cli(platform.adminPassword() + "\n", "login", "--username", platform.adminUsername(), "--password-stdin");
    assertThat(login.exitCode()).as(login.output()).isZero();
    assertThat(login.output()).contains("Signed in to master as " + platform.adminUsername());

    Path credentials = platform.home().resolve("cli-config/credentials.json");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials))).isEqualTo("rw-------");

    Launcher.Result whoami = cli(null, "whoami");
    assertThat(whoami.exitCode()).as(whoami.output()).isZero();
    assertThat(whoami.output()).contains("username: " + platform.adminUsername(), "roles: ae-admin, ae-creator, ae-deployer, ae-uploader");

    assertThat(cli(null, "logout").exitCode()).isZero();
    Launcher.Result after = cli(null, "whoami");
    assertThat(after.exitCode()).isEqualTo(3);
    assertThat(after.output()).contains("tessera login");
  }

  @Test
  void a_wrong_password_is_refused_with_exit_code_3() {
    cli(null, "config", "set", "sites.master.url", platform.url());

    Launcher.Result login = cli("wrong\n", "login", "--username", platform.adminUsername(), "--password-stdin");

    assertThat(login.exitCode()).isEqualTo(3);
    assertThat(login.output()).doesNotContain("Exception");
  }
}
