package org.tessera.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Mirrors against the real platform: conda packages built with Debian's conda-package-handling
 * ({@code cph create}) in both formats, in a channel tree with repodata.json written here, mirrored
 * from {@code file://} and from {@code python3 -m http.server} with the seed's filters; an upstream
 * that cuts one file short and fails another (nothing half-published, the index lists only
 * complete files, a rerun completes); a clean run removing what upstream removed; a PyPI mirror
 * from a local simple index with hash verification; export (of a channel and of a run's selection)
 * and import into a new channel, and a tampered archive refused with nothing published; a run
 * cancelled, and one resumed after WildFly is killed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChannelMirrorIT {

  static Platform platform;
  static String admin;
  static Path upstream;
  static Process httpServer;
  static int httpPort;
  static HttpServer flaky;
  static final AtomicBoolean healthy = new AtomicBoolean(false);
  static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
  static final Map<String, byte[]> built = new LinkedHashMap<>();
  static String httpRunId;

  @BeforeAll
  static void start() throws Exception {
    platform = Platform.shared();
    admin = Http.passwordToken(platform.realmUrl(), "tessera-cli", platform.adminUsername(), platform.adminPassword());
    upstream = Files.createDirectories(Path.of("target", "mirror-upstream-" + RUN).toAbsolutePath());
    Path up = upstream.resolve("up");
    conda(up, "noarch", "alpha", "1.0", "0", ".tar.bz2", "MIT", List.of());
    conda(up, "noarch", "beta", "1.0", "0", ".conda", "GPL3", List.of());
    conda(up, "linux-64", "gamma", "1.0", "py311_0", ".tar.bz2", "BSD", List.of("python >=3.11,<3.12.0a0"));
    conda(up, "linux-64", "gamma", "1.0", "py310_0", ".conda", "BSD", List.of("python >=3.10,<3.11.0a0"));
    repodata(up, "noarch");
    repodata(up, "linux-64");
    copyTree(up, upstream.resolve("flaky"));
    copyTree(up, upstream.resolve("flaky/slow"));
    pypi(upstream);
    httpPort = freePort();
    httpServer = new ProcessBuilder("/usr/bin/python3", "-m", "http.server", Integer.toString(httpPort), "--bind", "127.0.0.1", "--directory", upstream.toString())
        .redirectErrorStream(true).redirectOutput(upstream.resolve("http.log").toFile()).start();
    awaitPort(httpPort);
    flaky = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    flaky.createContext("/", exchange -> {
      Path file = upstream.resolve("flaky").resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
      String name = file.getFileName().toString();
      try (exchange) {
        if (!file.startsWith(upstream.resolve("flaky")) || !Files.isRegularFile(file)) {
          exchange.sendResponseHeaders(404, -1);
        } else if (exchange.getRequestURI().getPath().startsWith("/slow/") && !name.startsWith("repodata")) {
          sleep(1500); // slow enough for the test to stop WildFly between two files
          byte[] body = Files.readAllBytes(file);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
        } else if (!healthy.get() && name.startsWith("gamma-")) {
          exchange.sendResponseHeaders(500, -1);
        } else {
          byte[] body = Files.readAllBytes(file);
          exchange.sendResponseHeaders(200, body.length);
          OutputStream out = exchange.getResponseBody();
          // alpha is cut off half-way while the upstream is unhealthy: the connection closes early
          out.write(body, 0, !healthy.get() && name.startsWith("alpha-") ? body.length / 2 : body.length);
          out.flush();
        }
      }
    });
    flaky.start();
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (httpServer != null) {
      httpServer.destroy();
      httpServer.waitFor(10, TimeUnit.SECONDS);
    }
    if (flaky != null) {
      flaky.stop(0);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // --- fixtures -----------------------------------------------------------------------------------

  /** Builds NAME-VERSION-BUILD(.tar.bz2|.conda) with cph from a prefix with info/index.json. */
  static void conda(Path channel, String subdir, String name, String version, String build, String ext, String licenseFamily, List<String> depends)
      throws Exception {
    Path prefix = Files.createDirectories(upstream.resolve("src").resolve(name + "-" + build + ext).resolve("info"));
    String deps = String.join(",", depends.stream().map(d -> "\"" + d + "\"").toList());
    Files.writeString(prefix.resolve("index.json"), "{\"name\":\"" + name + "\",\"version\":\"" + version + "\",\"build\":\"" + build
        + "\",\"build_number\":0,\"subdir\":\"" + subdir + "\",\"depends\":[" + deps + "],\"license\":\"" + licenseFamily + "\",\"license_family\":\""
        + licenseFamily + "\",\"timestamp\":1700000000000}");
    Files.writeString(prefix.resolve("files"), "share/" + name + ".txt\n");
    Path share = Files.createDirectories(prefix.getParent().resolve("share"));
    Files.writeString(share.resolve(name + ".txt"), name + " " + build + " " + "x".repeat(4000) + "\n");
    Path out = Files.createDirectories(channel.resolve(subdir));
    String filename = name + "-" + version + "-" + build + ext;
    Process cph = new ProcessBuilder("cph", "create", prefix.getParent().toString(), filename, "--out-folder", out.toString()).redirectErrorStream(true).start();
    String output = new String(cph.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(cph.waitFor()).as("cph create %s: %s", filename, output).isZero();
    built.put(subdir + "/" + filename, Files.readAllBytes(out.resolve(filename)));
  }

  static void repodata(Path channel, String subdir) throws Exception {
    StringBuilder tarBz2 = new StringBuilder();
    StringBuilder conda = new StringBuilder();
    try (Stream<Path> files = Files.list(channel.resolve(subdir))) {
      for (Path file : files.sorted().toList()) {
        String filename = file.getFileName().toString();
        if (!filename.endsWith(".conda") && !filename.endsWith(".tar.bz2")) {
          continue;
        }
        byte[] bytes = Files.readAllBytes(file);
        String index = Files.readString(upstream.resolve("src").resolve(filename.replaceFirst("-1\\.0-", "-")).resolve("info/index.json"));
        String record = index.substring(0, index.length() - 1) + ",\"size\":" + bytes.length + ",\"sha256\":\"" + hex("SHA-256", bytes) + "\",\"md5\":\""
            + hex("MD5", bytes) + "\"}";
        StringBuilder section = filename.endsWith(".conda") ? conda : tarBz2;
        section.append(section.isEmpty() ? "" : ",").append('"').append(filename).append("\":").append(record);
      }
    }
    Files.writeString(channel.resolve(subdir).resolve("repodata.json"),
        "{\"info\":{\"subdir\":\"" + subdir + "\"},\"packages\":{" + tarBz2 + "},\"packages.conda\":{" + conda + "},\"repodata_version\":1}");
  }

  /** Two minimal wheels and a PEP 503 simple index; beta-py's link carries a wrong hash. */
  static void pypi(Path root) throws Exception {
    Path packages = Files.createDirectories(root.resolve("packages"));
    Files.createDirectories(root.resolve("simple"));
    StringBuilder index = new StringBuilder("<!DOCTYPE html><html><body>\n");
    for (String project : List.of("alpha-py", "beta-py")) {
      String dist = project.replace('-', '_');
      String wheel = dist + "-1.0-py3-none-any.whl";
      try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(packages.resolve(wheel)))) {
        zip.putNextEntry(new ZipEntry(dist + "/__init__.py"));
        zip.write("VALUE = 1\n".getBytes(StandardCharsets.UTF_8));
        zip.putNextEntry(new ZipEntry(dist + "-1.0.dist-info/METADATA"));
        zip.write(("Metadata-Version: 2.1\nName: " + project + "\nVersion: 1.0\nSummary: test\n\n").getBytes(StandardCharsets.UTF_8));
        zip.putNextEntry(new ZipEntry(dist + "-1.0.dist-info/WHEEL"));
        zip.write("Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n".getBytes(StandardCharsets.UTF_8));
        zip.putNextEntry(new ZipEntry(dist + "-1.0.dist-info/RECORD"));
        zip.write(new byte[0]);
      }
      String sha = project.equals("beta-py") ? "0".repeat(64) : hex("SHA-256", Files.readAllBytes(packages.resolve(wheel)));
      Path page = Files.createDirectories(root.resolve("simple").resolve(project));
      Files.writeString(page.resolve("index.html"),
          "<!DOCTYPE html><html><body>\n<a href=\"../../packages/" + wheel + "#sha256=" + sha + "\">" + wheel + "</a><br/>\n</body></html>\n");
      index.append("<a href=\"").append(project).append("/\">").append(project).append("</a>\n");
    }
    Files.writeString(root.resolve("simple/index.html"), index.append("</body></html>\n").toString());
  }

  static String hex(String algorithm, byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : paths.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  static void awaitPort(int port) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      try (Socket ignored = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException e) {
        Thread.sleep(100);
      }
    }
    throw new AssertionError("python3 -m http.server did not listen on " + port);
  }

  // --- helpers ------------------------------------------------------------------------------------

  static String json(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }

  static JsonNode startMirror(String type, String yaml, boolean clean) {
    Http.Response started = Http.send("POST", platform.url() + "/api/v1/mirrors", admin,
        "{\"type\":\"" + type + "\",\"config\":" + json(yaml) + ",\"clean\":" + clean + "}");
    assertThat(started.status()).as(started.body()).isEqualTo(202);
    return started.json();
  }

  static JsonNode awaitFinished(String id) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    JsonNode run = Http.get(platform.url() + "/api/v1/mirrors/" + id, admin).json();
    while (List.of("queued", "running").contains(run.path("status").asText()) && System.nanoTime() < deadline) {
      Thread.sleep(300);
      run = Http.get(platform.url() + "/api/v1/mirrors/" + id, admin).json();
    }
    assertThat(run.path("status").asText()).as("run %s never finished: %s", id, run).isNotIn("queued", "running");
    return run;
  }

  static JsonNode mirror(String type, String yaml, boolean clean) throws InterruptedException {
    return awaitFinished(startMirror(type, yaml, clean).path("id").asText());
  }

  static Map<String, String> outcomes(JsonNode run) {
    Map<String, String> outcomes = new LinkedHashMap<>();
    run.path("results").forEach(r -> outcomes.put(r.path("file").asText(), r.path("outcome").asText()));
    return outcomes;
  }

  static Path channelDir(String channel) {
    return platform.home().resolve("data/channels").resolve(channel);
  }

  static String indexOf(String channel, String subdir) throws IOException {
    Path file = channelDir(channel).resolve(subdir).resolve("repodata.json");
    return Files.exists(file) ? Files.readString(file) : "";
  }

  static String logs(String id) {
    StringBuilder text = new StringBuilder();
    Http.get(platform.url() + "/api/v1/mirrors/" + id + "/logs", admin).json().path("lines").forEach(l -> text.append(l.path("line").asText()).append('\n'));
    return text.toString();
  }

  // --- tests --------------------------------------------------------------------------------------

  @Test
  @Order(1)
  void aConfigWithUnknownOrConflictingKeysIsRefusedWithLineAndColumnAndNothingStarts() {
    int before = Http.get(platform.url() + "/api/v1/mirrors", admin).json().size();
    Http.Response bad = Http.send("POST", platform.url() + "/api/v1/mirrors", admin,
        "{\"type\":\"conda\",\"config\":" + json("dest_channel: never-" + RUN + "\npkg_list: [alpha]\nblacklist: [beta]\nplatfrom: [linux-64]\n") + "}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.contentType()).startsWith("application/problem+json");
    JsonNode problem = bad.json();
    assertThat(problem.path("type").asText()).endsWith("invalid-mirror-config");
    assertThat(problem.path("errors").toString()).contains("platfrom@4:1", "blacklist@3:1", "pkg_list cannot be combined with blacklist");
    assertThat(problem.path("detail").asText()).contains("Fix the YAML");
    Http.Response raw = Http.sendBytes("POST", platform.url() + "/api/v1/mirrors?type=pypi", admin, "user: [a, b]\n".getBytes(StandardCharsets.UTF_8), "application/yaml");
    assertThat(raw.status()).as(raw.body()).isEqualTo(400);
    assertThat(raw.json().path("errors").toString()).contains("user@1:7");
    assertThat(Http.get(platform.url() + "/api/v1/mirrors", admin).json().size()).isEqualTo(before);
    assertThat(channelDir("never-" + RUN)).doesNotExist();
  }

  @Test
  @Order(2)
  void fromFileWithPlatformsPythonVersionsAndLicenseBlacklist() throws Exception {
    String dest = "file-" + RUN;
    JsonNode run = mirror("conda", "dest_channel: " + dest + "\nchannels:\n  - file://" + upstream.resolve("up") + "\nplatforms:\n  - noarch\n  - linux-64\n"
        + "python_versions:\n  - 3.11\nlicense_blacklist:\n  - GPL3\n", false);
    assertThat(run.path("status").asText()).as(logs(run.path("id").asText())).isEqualTo("succeeded");
    assertThat(outcomes(run)).containsOnly(Map.entry("noarch/alpha-1.0-0.tar.bz2", "published"), Map.entry("linux-64/gamma-1.0-py311_0.tar.bz2", "published"));
    assertThat(run.path("progress").path("total").asInt()).isEqualTo(2);
    assertThat(indexOf(dest, "noarch")).contains("alpha-1.0-0.tar.bz2").doesNotContain("beta");
    assertThat(indexOf(dest, "linux-64")).contains("gamma-1.0-py311_0.tar.bz2").doesNotContain("py310");
    assertThat(Files.readAllBytes(channelDir(dest).resolve("noarch/alpha-1.0-0.tar.bz2"))).isEqualTo(built.get("noarch/alpha-1.0-0.tar.bz2"));
    assertThat(logs(run.path("id").asText())).contains("Selected 2 file(s)", "2 excluded by the filters");
  }

  @Test
  @Order(3)
  void fromHttpWithPkgListInTheCondaFormat() throws Exception {
    String dest = "http-" + RUN;
    JsonNode run = mirror("conda", "dest_channel: " + dest + "\nchannels:\n  - http://127.0.0.1:" + httpPort + "/up\nplatforms: [noarch, linux-64]\npkg_list: [beta]\n",
        false);
    assertThat(run.path("status").asText()).as(logs(run.path("id").asText())).isEqualTo("succeeded");
    assertThat(outcomes(run)).containsOnlyKeys("noarch/beta-1.0-0.conda");
    httpRunId = run.path("id").asText();
    assertThat(indexOf(dest, "noarch")).contains("\"packages.conda\":{\"beta-1.0-0.conda\"");
  }

  @Test
  @Order(4)
  void anUpstreamFailingHalfWayPublishesNothingHalfAndARerunCompletes() throws Exception {
    String dest = "flaky-" + RUN;
    String yaml = "dest_channel: " + dest + "\nchannels:\n  - http://127.0.0.1:" + flaky.getAddress().getPort() + "/\nplatforms: [noarch, linux-64]\n";
    JsonNode failed = mirror("conda", yaml, false);
    assertThat(failed.path("status").asText()).isEqualTo("failed");
    assertThat(outcomes(failed)).containsEntry("noarch/beta-1.0-0.conda", "published").containsEntry("noarch/alpha-1.0-0.tar.bz2", "failed")
        .containsEntry("linux-64/gamma-1.0-py311_0.tar.bz2", "failed").containsEntry("linux-64/gamma-1.0-py310_0.conda", "failed");
    assertThat(failed.path("progress").path("failed").asInt()).isEqualTo(3);
    assertThat(indexOf(dest, "noarch")).contains("beta-1.0-0.conda").doesNotContain("alpha");
    assertThat(channelDir(dest).resolve("noarch/alpha-1.0-0.tar.bz2")).doesNotExist();
    assertThat(channelDir(dest).resolve("linux-64")).satisfiesAnyOf(d -> assertThat(d).doesNotExist(),
        d -> assertThat(Files.list(d).filter(f -> !f.getFileName().toString().startsWith("repodata")).toList()).isEmpty());
    try (Stream<Path> staged = Files.list(platform.home().resolve("data/channel-staging"))) {
      assertThat(staged.filter(f -> f.getFileName().toString().startsWith("mirror-")).toList()).isEmpty();
    }

    healthy.set(true);
    JsonNode rerun = mirror("conda", yaml, false);
    assertThat(rerun.path("status").asText()).as(logs(rerun.path("id").asText())).isEqualTo("succeeded");
    assertThat(outcomes(rerun)).containsEntry("noarch/beta-1.0-0.conda", "skipped").containsEntry("noarch/alpha-1.0-0.tar.bz2", "published")
        .containsEntry("linux-64/gamma-1.0-py310_0.conda", "published");
    assertThat(indexOf(dest, "linux-64")).contains("gamma-1.0-py311_0.tar.bz2", "gamma-1.0-py310_0.conda");
    assertThat(Files.readAllBytes(channelDir(dest).resolve("noarch/alpha-1.0-0.tar.bz2"))).isEqualTo(built.get("noarch/alpha-1.0-0.tar.bz2"));
  }

  @Test
  @Order(5)
  void aCleanRunRemovesWhatUpstreamRemoved() throws Exception {
    String dest = "flaky-" + RUN;
    Path linux = upstream.resolve("flaky/linux-64");
    Files.delete(linux.resolve("gamma-1.0-py310_0.conda"));
    repodata(upstream.resolve("flaky"), "linux-64");
    String yaml = "dest_channel: " + dest + "\nchannels:\n  - http://127.0.0.1:" + flaky.getAddress().getPort() + "/\nplatforms: [noarch, linux-64]\n";

    JsonNode withoutClean = mirror("conda", yaml, false);
    assertThat(indexOf(dest, "linux-64")).as(withoutClean.toString()).contains("gamma-1.0-py310_0.conda");

    JsonNode clean = mirror("conda", yaml, true);
    assertThat(clean.path("status").asText()).as(logs(clean.path("id").asText())).isEqualTo("succeeded");
    assertThat(outcomes(clean)).containsEntry("linux-64/gamma-1.0-py310_0.conda", "removed");
    assertThat(clean.path("progress").path("removed").asInt()).isEqualTo(1);
    assertThat(indexOf(dest, "linux-64")).contains("gamma-1.0-py311_0.tar.bz2").doesNotContain("py310");
    assertThat(channelDir(dest).resolve("linux-64/gamma-1.0-py310_0.conda")).doesNotExist();
  }

  @Test
  @Order(6)
  void pypiFromALocalSimpleIndexVerifiesHashes() throws Exception {
    String dest = "pypi-" + RUN;
    JsonNode run = mirror("pypi", "user: " + dest + "\nsimple_index_url: http://127.0.0.1:" + httpPort + "/simple/\nwhitelist:\n  - alpha-py\n  - beta-py\n"
        + "latest_only: true\nuse_xml_rpc: true\n", false);
    assertThat(run.path("status").asText()).isEqualTo("failed");
    assertThat(outcomes(run)).containsEntry("alpha-py/alpha_py-1.0-py3-none-any.whl", "published").containsEntry("beta-py/beta_py-1.0-py3-none-any.whl", "failed");
    assertThat(run.path("results").toString()).contains("SHA-256");
    assertThat(channelDir(dest).resolve("alpha-py/alpha_py-1.0-py3-none-any.whl")).exists();
    assertThat(channelDir(dest).resolve("beta-py/beta_py-1.0-py3-none-any.whl")).doesNotExist();
    assertThat(logs(run.path("id").asText())).contains("use_xml_rpc is ignored");

    JsonNode full = mirror("pypi", "user: " + dest + "\nsimple_index_url: http://127.0.0.1:" + httpPort + "/simple/\nblacklist: [beta-py]\n", false);
    assertThat(full.path("status").asText()).as(logs(full.path("id").asText())).isEqualTo("succeeded");
    assertThat(outcomes(full)).containsOnly(Map.entry("alpha-py/alpha_py-1.0-py3-none-any.whl", "skipped"));
  }

  @Test
  @Order(7)
  void exportThenImportIntoANewChannelAndATamperedArchiveIsRefused() throws Exception {
    String source = "file-" + RUN;
    int[] status = new int[1];
    byte[] archive = Http.getBytes(platform.url() + "/api/v1/channels/" + source + "/export", admin, status);
    assertThat(status[0]).isEqualTo(200);
    String head = new String(archive, 0, Math.min(archive.length, 8192), StandardCharsets.ISO_8859_1);
    assertThat(head).startsWith("manifest.json").contains("\"channel\":\"" + source + "\"", "noarch/alpha-1.0-0.tar.bz2", "\"sha256\"");

    String copy = "copy-" + RUN;
    Http.Response imported = Http.sendBytes("POST", platform.url() + "/api/v1/channels/import?channel=" + copy, admin, archive, "application/x-tar");
    assertThat(imported.status()).as(imported.body()).isEqualTo(201);
    assertThat(imported.json().path("published").toString()).contains("noarch/alpha-1.0-0.tar.bz2", "linux-64/gamma-1.0-py311_0.tar.bz2");
    assertThat(indexOf(copy, "noarch")).contains("alpha-1.0-0.tar.bz2");
    Http.Response again = Http.sendBytes("POST", platform.url() + "/api/v1/channels/import?channel=" + copy, admin, archive, "application/x-tar");
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().path("skipped")).hasSize(2);
    assertThat(again.json().path("published")).isEmpty();

    byte[] selection = Http.getBytes(platform.url() + "/api/v1/mirrors/" + httpRunId + "/export", admin, status);
    assertThat(status[0]).isEqualTo(200);
    Http.Response fromSelection = Http.sendBytes("POST", platform.url() + "/api/v1/channels/import?channel=selection-" + RUN, admin, selection, "application/x-tar");
    assertThat(fromSelection.status()).as(fromSelection.body()).isEqualTo(201);
    assertThat(fromSelection.json().path("published").toString()).isEqualTo("[\"noarch/beta-1.0-0.conda\"]");

    byte[] tampered = archive.clone();
    byte[] alpha = built.get("noarch/alpha-1.0-0.tar.bz2");
    int at = indexOf(tampered, java.util.Arrays.copyOfRange(alpha, 0, 64));
    assertThat(at).isPositive();
    tampered[at + alpha.length / 2] ^= 0x55;
    String victim = "tampered-" + RUN;
    Http.Response refused = Http.sendBytes("POST", platform.url() + "/api/v1/channels/import?channel=" + victim, admin, tampered, "application/x-tar");
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.json().path("detail").asText()).contains("alpha-1.0-0.tar.bz2", "SHA-256", "nothing was imported");
    assertThat(channelDir(victim)).doesNotExist();
    try (Stream<Path> staged = Files.list(platform.home().resolve("data/channel-staging"))) {
      assertThat(staged.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("import-")).toList()).isEmpty();
    }
  }

  @Test
  @Order(8)
  void aCancelledRunStopsAfterTheFileItIsCopying() throws Exception {
    String dest = "cancelled-" + RUN;
    String id = startMirror("conda", "dest_channel: " + dest + "\nchannels:\n  - http://127.0.0.1:" + flaky.getAddress().getPort() + "/slow/\n"
        + "platforms: [noarch, linux-64]\n", false).path("id").asText();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (Http.get(platform.url() + "/api/v1/mirrors/" + id, admin).json().path("progress").path("done").asInt() < 1 && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    Http.Response cancel = Http.send("POST", platform.url() + "/api/v1/mirrors/" + id + "/cancel", admin, null);
    assertThat(cancel.status()).as(cancel.body()).isEqualTo(200);
    assertThat(cancel.json().path("cancelRequested").asBoolean()).isTrue();

    JsonNode run = awaitFinished(id);
    assertThat(run.path("status").asText()).isEqualTo("cancelled");
    assertThat(run.path("progress").path("done").asInt()).isBetween(1, 2);
    assertThat(logs(id)).contains("Cancelled");
    Http.Response again = Http.send("POST", platform.url() + "/api/v1/mirrors/" + id + "/cancel", admin, null);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().path("type").asText()).endsWith("mirror-finished");
  }

  @Test
  @Order(9)
  void aRunInterruptedByAWildflyStopIsResumedWhenItStartsAgain() throws Exception {
    String dest = "resumed-" + RUN;
    String id = startMirror("conda", "dest_channel: " + dest + "\nchannels:\n  - http://127.0.0.1:" + flaky.getAddress().getPort() + "/slow/\n"
        + "platforms: [noarch, linux-64]\n", false).path("id").asText();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (Http.get(platform.url() + "/api/v1/mirrors/" + id, admin).json().path("progress").path("done").asInt() < 1 && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    long pid = Long.parseLong(Files.readString(platform.home().resolve("run/wildfly.pid")).strip());
    assertThat(new ProcessBuilder("kill", "-KILL", "--", "-" + pid).start().waitFor(30, TimeUnit.SECONDS)).isTrue();
    Thread.sleep(2000);
    Launcher.Result up = platform.launcher(Duration.ofMinutes(5), "up");
    assertThat(up.exitCode()).as(up.output()).isZero();
    admin = Http.passwordToken(platform.realmUrl(), "tessera-cli", platform.adminUsername(), platform.adminPassword());

    JsonNode run = awaitFinished(id);
    assertThat(run.path("status").asText()).as(logs(id)).isEqualTo("succeeded");
    assertThat(logs(id)).contains("Resumed after a restart");
    assertThat(outcomes(run)).hasSize(4).containsValue("skipped").doesNotContainValue("failed");
    assertThat(indexOf(dest, "noarch")).contains("alpha-1.0-0.tar.bz2", "beta-1.0-0.conda");
    assertThat(indexOf(dest, "linux-64")).contains("gamma-1.0-py311_0.tar.bz2", "gamma-1.0-py310_0.conda");
  }

  static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
