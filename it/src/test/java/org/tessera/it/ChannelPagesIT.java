package org.tessera.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Channels pages in headless Chromium ({@code it/browser/channels.mjs}) with a package built by
 * Debian's {@code cph}, and the channel settings with the generated .condarc and pip.conf over the API.
 */
class ChannelPagesIT {

  static Platform platform;
  static String ownerPassword;
  static String readerPassword;
  static String admin;
  @org.junit.jupiter.api.io.TempDir Path work;

  @BeforeAll
  static void startPlatform() {
    platform = Platform.shared();
    KeycloakAdmin keycloak = new KeycloakAdmin(platform);
    ownerPassword = keycloak.ensureUserWithRoles("chan-owner", List.of("ae-uploader"));
    readerPassword = keycloak.ensureUser("chan-reader");
    admin = Http.passwordToken(platform.realmUrl(), "tessera-cli", platform.adminUsername(), platform.adminPassword());
  }

  @AfterAll
  static void restoreSettings() {
    if (admin != null) {
      Http.send("PUT", platform.url() + "/api/v1/admin/channel-settings", admin, "{\"channelAlias\": \"\", \"defaultChannels\": [], \"pypiIndex\": \"\", \"extraIndexUrls\": []}");
    }
  }

  /** Installs Debian's conda-package-handling (cph) when it is missing, as the launcher installs its packages. */
  static void ensureCph() throws Exception {
    if (Files.isExecutable(Path.of("/usr/bin/cph"))) {
      return;
    }
    Process apt = new ProcessBuilder("sh", "-c", "S=; [ \"$(id -u)\" -eq 0 ] || S=sudo; $S apt-get update -qq; "
        + "DEBIAN_FRONTEND=noninteractive $S apt-get install -y -qq conda-package-handling").redirectErrorStream(true).start();
    assertThat(apt.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(Path.of("/usr/bin/cph")).as("cph after apt-get install conda-package-handling: %s",
        new String(apt.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isExecutable();
  }

  /** A conda package for linux-64, made with cph from an info/index.json. */
  static Path condaPackage(Path work, String name, String version) throws Exception {
    ensureCph();
    Path dir = Files.createDirectories(work.resolve("pkg-" + name + "/info"));
    Files.writeString(dir.resolve("index.json"), """
        {"name": "%s", "version": "%s", "build": "0", "build_number": 0, "subdir": "linux-64", "depends": [], "license": "MIT"}
        """.formatted(name, version));
    Files.writeString(Files.createDirectories(dir.resolveSibling("lib")).resolve("marker.txt"), "hello\n");
    String archive = name + "-" + version + "-0.tar.bz2";
    Process cph = new ProcessBuilder("cph", "create", dir.getParent().toString(), archive, "--out-folder", work.toString())
        .redirectErrorStream(true).start();
    assertThat(cph.waitFor(2, TimeUnit.MINUTES)).isTrue();
    String output = new String(cph.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(cph.exitValue()).as("cph create (apt-get install conda-package-handling): %s", output).isZero();
    Path built = work.resolve(archive);
    assertThat(built).exists();
    return built;
  }

  @Test
  void a_channel_is_created_filled_shared_read_only_and_emptied_in_the_browser() throws Exception {
    String channel = ProjectsIT.unique("ui-chan");
    Path pkg = condaPackage(work, "tinypkg", "1.0");

    Process node = new ProcessBuilder("node", "channels.mjs", platform.url() + "/", "chan-owner", ownerPassword, "chan-reader", readerPassword, channel, pkg.toString(),
            platform.adminUsername(), platform.adminPassword())
        .directory(Launcher.ROOT.resolve("it/browser").toFile())
        .redirectErrorStream(true)
        .start();
    assertThat(node.waitFor(4, TimeUnit.MINUTES)).isTrue();
    String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(node.exitValue()).as(output).isZero();
    JsonNode seen = Http.JSON.readTree(output.substring(output.lastIndexOf('\n') + 1));

    assertThat(seen.get("publicByDefault").asBoolean()).isTrue();
    assertThat(seen.get("badName").asText()).contains("Channel names have");
    assertThat(seen.get("created").asText()).contains("Channel " + channel + " created (private)");
    assertThat(seen.get("channelUrl").asText()).endsWith("/repository/conda/" + channel);
    assertThat(seen.get("tokenUrl").asText()).endsWith("/repository/conda/t/YOUR_TOKEN/" + channel);
    assertThat(seen.get("uploaded").asText()).contains("tinypkg 1.0 (linux-64)");
    assertThat(seen.get("packages").toString()).isEqualTo("[\"tinypkg\"]");
    assertThat(seen.get("platforms").toString()).contains("linux-64");
    assertThat(seen.get("versions").toString()).contains("1.0");
    assertThat(seen.get("duplicate").asText()).contains("tinypkg-1.0-0.tar.bz2");
    assertThat(seen.get("filteredOut")).isEmpty();
    assertThat(seen.get("filteredIn").toString()).contains("tinypkg");
    assertThat(seen.get("installCommand").asText()).isEqualTo("conda install -c " + platform.url() + "/repository/conda/t/TOKEN/" + channel + " tinypkg");
    assertThat(seen.get("files").toString()).contains("tinypkg-1.0-0.tar.bz2");
    assertThat(seen.get("subdirs").toString()).contains("linux-64");
    assertThat(seen.get("sha256").get(0).asText()).matches("[0-9a-f]{64}");
    assertThat(seen.get("downloadStatus").asInt()).isEqualTo(200);
    assertThat(seen.get("downloadBytes").asLong()).isEqualTo(Files.size(pkg));
    assertThat(seen.get("defaultLevel").asText()).isEqualTo("read-write");
    assertThat(seen.get("shares").toString()).contains("user chan-reader", "read");
    assertThat(seen.get("readerChannels").toString()).contains(channel);
    assertThat(seen.get("readerLock").asInt()).isEqualTo(1);
    assertThat(seen.get("readerPackages").toString()).contains("tinypkg");
    assertThat(seen.get("readerUploadForms").asInt()).isZero();
    assertThat(seen.get("readerShareCards").asInt()).isZero();
    assertThat(seen.get("readerDeleteButtons").asInt()).isZero();
    assertThat(seen.get("afterDelete").asText()).contains("Deleted version 1.0 of tinypkg");
    assertThat(seen.get("packagesAfterDelete")).isEmpty();
    assertThat(seen.get("settingsRefused").asText()).contains("no-such-channel-anywhere");
    assertThat(seen.get("settingsSaved").asText()).contains("Channel settings saved");
    assertThat(seen.get("settingsDefaults").asText()).isEqualTo(channel);
    assertThat(seen.get("condarcStatus").asInt()).isEqualTo(200);
    assertThat(seen.get("condarc").asText()).contains("default_channels:\n  - " + platform.url() + "/repository/conda/" + channel, "Private channels need your access token");
    assertThat(seen.get("settingsCleared").asText()).isEmpty();
    assertThat(seen.get("mirrorRefused").asText()).as("the Mirrors page names the unknown key").contains("platfrom");

    // The API agrees: the reader reads the channel but may not upload.
    String reader = Http.passwordToken(platform.realmUrl(), "tessera-cli", "chan-reader", readerPassword);
    JsonNode asReader = Http.get(platform.url() + "/api/v1/channels/" + channel, reader).json();
    assertThat(asReader.get("canWrite").asBoolean()).isFalse();
    assertThat(asReader.get("shares").toString()).contains("chan-reader", "read");
    Http.send("DELETE", platform.url() + "/api/v1/channels/" + channel, admin, null);
  }

  @Test
  void settings_are_validated_and_give_the_condarc_and_pip_conf() throws Exception {
    String settings = platform.url() + "/api/v1/admin/channel-settings";
    String owner = Http.passwordToken(platform.realmUrl(), "tessera-cli", "chan-owner", ownerPassword);
    String channel = ProjectsIT.unique("defaults");
    String index = ProjectsIT.unique("pyidx");
    assertThat(Http.send("POST", platform.url() + "/api/v1/channels", owner, "{\"name\": \"" + channel + "\"}").status()).isEqualTo(201);
    assertThat(Http.send("POST", platform.url() + "/api/v1/channels", owner, "{\"name\": \"" + index + "\", \"type\": \"pypi\", \"private\": true}").status()).isEqualTo(201);

    Http.Response initial = Http.get(settings, admin);
    assertThat(initial.status()).as(initial.body()).isEqualTo(200);
    assertThat(initial.json().get("channelAlias").asText()).isEqualTo(platform.url() + "/repository/conda");

    ApiIT.assertProblem(Http.send("PUT", settings, admin, "{\"defaultChannels\": [\"no-such-channel\"]}"), 400, "invalid-channel-request");
    Http.Response wrongType = Http.send("PUT", settings, admin, "{\"defaultChannels\": [\"" + index + "\"]}");
    ApiIT.assertProblem(wrongType, 400, "invalid-channel-request");
    assertThat(wrongType.json().get("errors").get(0).get("field").asText()).isEqualTo("defaultChannels");
    ApiIT.assertProblem(Http.send("PUT", settings, admin, "{\"channelAlias\": \"ftp://nowhere\"}"), 400, "invalid-channel-request");
    Http.Response notAdmin = Http.send("PUT", settings, owner, "{\"defaultChannels\": []}");
    assertThat(notAdmin.status()).isEqualTo(403);
    assertThat(notAdmin.contentType()).startsWith("application/problem+json");
    // Nothing of the refused requests was kept.
    assertThat(Http.get(settings, admin).json().get("defaultChannels")).isEmpty();

    Http.Response saved = Http.send("PUT", settings, admin, "{\"defaultChannels\": [\"" + channel + "\", \"https://repo.example.org/pkgs/main/\"], \"pypiIndex\": \"" + index
        + "\", \"extraIndexUrls\": [\"https://pypi.example.org/simple/\"]}");
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    assertThat(saved.json().get("defaultChannels").toString()).isEqualTo("[\"" + channel + "\",\"https://repo.example.org/pkgs/main/\"]");

    Http.Response condarc = Http.get(platform.url() + "/api/v1/channels/config/condarc", owner);
    assertThat(condarc.status()).isEqualTo(200);
    assertThat(condarc.contentType()).startsWith("text/plain");
    assertThat(condarc.body()).contains("channel_alias: " + platform.url() + "/repository/conda\n",
        "default_channels:\n  - " + platform.url() + "/repository/conda/" + channel + "\n  - https://repo.example.org/pkgs/main\n", "channels:\n  - defaults");
    Http.Response pip = Http.get(platform.url() + "/api/v1/channels/config/pip.conf", owner);
    assertThat(pip.body()).contains("[global]\nindex-url = " + platform.url() + "/repository/pypi/" + index + "/simple/\n",
        "extra-index-url =\n    https://pypi.example.org/simple/", "Private channels need your access token", index);
    assertThat(pip.body()).doesNotContain(ownerPassword);
    assertThat(Http.get(platform.url() + "/api/v1/channels/config/condarc", null).status()).isEqualTo(401);

    restoreSettings();
    Http.send("DELETE", platform.url() + "/api/v1/channels/" + channel, admin, null);
    Http.send("DELETE", platform.url() + "/api/v1/channels/" + index, admin, null);
  }
}
