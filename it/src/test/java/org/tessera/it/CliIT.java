package org.tessera.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
  void projects_and_tokens_from_the_command_line_create_tag_download_and_clone() throws Exception {
    cli(null, "config", "set", "sites.master.url", platform.url());
    assertThat(cli(platform.adminPassword() + "\n", "login", "--username", platform.adminUsername(), "--password-stdin").exitCode()).isZero();
    String name = ProjectsIT.unique("cli-project");

    Launcher.Result created = cli(null, "projects", "create", name, "--template", "scheduled-script");
    assertThat(created.exitCode()).as(created.output()).isZero();
    String id = created.output().replaceAll("(?s).*\\(id ([0-9a-f]+)\\).*", "$1");
    Launcher.Result tagged = cli(null, "projects", "tag", id, "v1", "-m", "From the CLI");
    assertThat(tagged.exitCode()).as(tagged.output()).isZero();
    Path archive = platform.home().resolve(name + ".zip");
    Launcher.Result downloaded = cli(null, "projects", "download", id, "--revision", "v1", "--format", "zip", "-o", archive.toString());
    assertThat(downloaded.exitCode()).as(downloaded.output()).isZero();
    assertThat(Files.size(archive)).isPositive();

    Launcher.Result uploaded = cli(null, "projects", "upload", archive.toString(), "--name", name + "-copy");
    assertThat(uploaded.exitCode()).as(uploaded.output()).isZero();
    assertThat(cli(null, "projects", "list").output()).contains(name, name + "-copy");

    Launcher.Result token = cli(null, "tokens", "create", ProjectsIT.unique("cli"), "--days", "1");
    assertThat(token.exitCode()).as(token.output()).isZero();
    String secret = token.output().lines().filter(l -> l.startsWith("tsr_")).findFirst().orElseThrow();
    Path home = Files.createDirectories(platform.home().resolve("git-home"));
    String url = GitClient.withCredentials(platform.url() + "/git/" + platform.adminUsername() + "/" + name + "-copy.git", platform.adminUsername(), secret);
    Launcher.Result clone = GitClient.run(home, home, "clone", url, name);
    assertThat(clone.exitCode()).as(clone.output()).isZero();
    assertThat(home.resolve(name + "/anaconda-project.yml")).exists();

    Launcher.Result refused = cli(null, "projects", "delete", id);
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(cli(null, "projects", "delete", id, "--yes").exitCode()).isZero();
    Launcher.Result gone = cli(null, "projects", "show", id);
    assertThat(gone.exitCode()).isNotZero();
    assertThat(gone.output()).contains("not found");
  }

  @Test
  void device_flow_login_completes_when_the_user_approves_in_a_browser() throws Exception {
    cli(null, "config", "set", "sites.master.url", platform.url());
    ProcessBuilder builder = new ProcessBuilder(Launcher.ROOT.resolve("tessera").toString(), "login").redirectErrorStream(true);
    builder.environment().putAll(platform.env());
    Process login = builder.start();
    login.getOutputStream().close();
    try (BufferedReader output = new BufferedReader(new InputStreamReader(login.getInputStream(), StandardCharsets.UTF_8))) {
      String verificationUrl = null;
      StringBuilder seen = new StringBuilder();
      for (String line; verificationUrl == null && (line = output.readLine()) != null; ) {
        seen.append(line).append('\n');
        Matcher url = Pattern.compile("(http\\S+/device\\S*)").matcher(line);
        if (url.find()) {
          verificationUrl = url.group(1);
        }
      }
      assertThat(verificationUrl).as("the CLI printed a verification URL:\n" + seen).isNotNull().startsWith(platform.realmUrl());

      Process browser =
          new ProcessBuilder("node", "device.mjs", verificationUrl, platform.adminUsername(), platform.adminPassword())
              .directory(Launcher.ROOT.resolve("it/browser").toFile())
              .redirectErrorStream(true)
              .start();
      assertThat(browser.waitFor(2, TimeUnit.MINUTES)).isTrue();
      String approval = new String(browser.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(browser.exitValue()).as(approval).isZero();

      assertThat(login.waitFor(1, TimeUnit.MINUTES)).as("the CLI noticed the approval").isTrue();
      String rest = output.lines().reduce("", (a, b) -> a + b + "\n");
      assertThat(login.exitValue()).as(rest).isZero();
      assertThat(rest).contains("Signed in to master as " + platform.adminUsername());
    } finally {
      login.destroyForcibly();
    }
    assertThat(cli(null, "whoami").output()).contains("username: " + platform.adminUsername());
  }

  @Test
  void a_wrong_password_is_refused_with_exit_code_3() {
    cli(null, "config", "set", "sites.master.url", platform.url());

    Launcher.Result login = cli("wrong\n", "login", "--username", platform.adminUsername(), "--password-stdin");

    assertThat(login.exitCode()).isEqualTo(3);
    assertThat(login.output()).doesNotContain("Exception");
  }
}
