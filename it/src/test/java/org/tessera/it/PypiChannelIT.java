package org.tessera.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * PyPI channels with the real clients: wheels built with {@code pip wheel}, uploaded through the
 * API and with the real {@code twine}, then installed by {@code pip} into fresh venvs from a private
 * index with a personal access token (dependencies included) and from a public one anonymously;
 * the simple API's HTML and JSON forms, yanking, Range requests, and bad uploads refused with
 * nothing stored.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PypiChannelIT {

  static final String PYTHON = "/usr/bin/python3";
  static final String TWINE = "/usr/bin/twine";
  static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  static Platform platform;
  static String admin;
  static String user;
  static String token;
  static String privateChannel;
  static String publicChannel;
  static Path dist;
  static Path venv;

  @TempDir static Path work;

  @BeforeAll
  static void startPlatformAndBuildWheels() throws Exception {
    platform = Platform.shared();
    admin = Http.passwordToken(platform.realmUrl(), "tessera-cli", platform.adminUsername(), platform.adminPassword());
    user = platform.adminUsername();
    token = ProjectsIT.accessToken(admin, ProjectsIT.unique("pip"));
    privateChannel = ProjectsIT.unique("pyprivate");
    publicChannel = ProjectsIT.unique("pypublic");
    createChannel(privateChannel, true);
    createChannel(publicChannel, false);

    dist = Files.createDirectories(work.resolve("dist"));
    wheel("tessera-demo-base", "1.0", "tessera_demo_base", null, ">=3.7,<4");
    wheel("tessera-demo-app", "1.0", "tessera_demo_app", "tessera-demo-base>=1.0", null);
    wheel("Tessera_Demo.Extra", "1.0", "tessera_demo_extra", null, null);
    wheel("Tessera_Demo.Extra", "1.1", "tessera_demo_extra", null, null);
    venv = work.resolve("venv");
    run(work, PYTHON, "-m", "venv", venv.toString()).assertOk();
  }

  static void createChannel(String name, boolean isPrivate) {
    Http.Response created = Http.send("POST", platform.url() + "/api/v1/channels", admin,
        "{\"name\": \"" + name + "\", \"type\": \"pypi\", \"private\": " + isPrivate + "}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
  }

  /** Builds a one-module wheel with setuptools, offline. */
  static void wheel(String name, String version, String module, String requires, String requiresPython) throws Exception {
    Path project = Files.createDirectories(work.resolve("src").resolve(module + "-" + version));
    Files.writeString(project.resolve(module + ".py"), "VERSION = \"" + version + "\"\n");
    Files.writeString(project.resolve("setup.py"), "from setuptools import setup\nsetup(name=\"" + name + "\", version=\"" + version + "\", py_modules=[\"" + module
        + "\"]" + (requires == null ? "" : ", install_requires=[\"" + requires + "\"]") + (requiresPython == null ? "" : ", python_requires=\"" + requiresPython + "\"")
        + ")\n");
    run(work, PYTHON, "-m", "pip", "wheel", "--no-index", "--no-build-isolation", "--no-deps", "-q", "-w", dist.toString(), project.toString()).assertOk();
  }

  /** The wheel whose name starts with {@code prefix}, compared as setuptools escapes names (Tessera_Demo.Extra-1.0-...). */
  static Path built(String prefix) throws IOException {
    try (Stream<Path> files = Files.list(dist)) {
      return files.filter(f -> f.getFileName().toString().toLowerCase(java.util.Locale.ROOT).replace('.', '_').startsWith(prefix.replace('.', '_')))
          .findFirst().orElseThrow(() -> new AssertionError("no wheel " + prefix));
    }
  }

  record Result(int exitCode, String output) {
    Result assertOk() {
      assertThat(exitCode).as(output).isZero();
      return this;
    }
  }

  static Result run(Path dir, String... command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    // Only our settings: the machine's PIP_FIND_LINKS or PIP_INDEX_URL would add other sources.
    builder.environment().keySet().removeIf(k -> k.startsWith("PIP_"));
    builder.environment().put("PIP_CONFIG_FILE", "/dev/null");
    builder.environment().put("PIP_NO_INPUT", "1");
    builder.environment().put("PIP_DISABLE_PIP_VERSION_CHECK", "1");
    builder.environment().put("PIP_NO_CACHE_DIR", "1");
    builder.environment().put("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring");
    Process process = builder.start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(3, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not finish");
    }
    return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }

  static String index(String channel, boolean withToken) {
    String base = platform.url() + "/repository/pypi/" + channel + "/simple/";
    return withToken ? base.replace("://", "://" + user + ":" + token + "@") : base;
  }

  static HttpResponse<byte[]> get(String path, Map<String, String> headers) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.url() + path)).timeout(Duration.ofSeconds(30)).GET();
    headers.forEach(request::header);
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  static Map<String, String> basic(String username, String secret) {
    return Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString((username + ":" + secret).getBytes(StandardCharsets.UTF_8)));
  }

  /** A multipart/form-data body; values are Strings or files (Path). */
  static HttpResponse<String> postMultipart(String path, Map<String, String> headers, Map<String, Object> fields) throws IOException, InterruptedException {
    String boundary = "----tessera" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Map.Entry<String, Object> field : fields.entrySet()) {
      body.write(("--" + boundary + "\r\n").getBytes(StandardCharsets.UTF_8));
      if (field.getValue() instanceof Path file) {
        body.write(("Content-Disposition: form-data; name=\"" + field.getKey() + "\"; filename=\"" + file.getFileName() + "\"\r\n"
            + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(Files.readAllBytes(file));
      } else {
        body.write(("Content-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n" + field.getValue()).getBytes(StandardCharsets.UTF_8));
      }
      body.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.url() + path)).timeout(Duration.ofSeconds(60))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    headers.forEach(request::header);
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> apiUpload(String channel, Path file) throws IOException, InterruptedException {
    return postMultipart("/api/v1/channels/" + channel + "/files", Map.of("Authorization", "Bearer " + admin, "Accept", "application/json"), Map.of("file", file));
  }

  /** The fields twine sends with a file. */
  static Map<String, Object> twineForm(Path file, String sha256) {
    Map<String, Object> form = new LinkedHashMap<>();
    form.put(":action", "file_upload");
    form.put("protocol_version", "1");
    form.put("filetype", "bdist_wheel");
    form.put("pyversion", "py3");
    form.put("sha256_digest", sha256);
    form.put("content", file);
    return form;
  }

  static String sha256(Path file) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  static long fileCount(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.count();
    }
  }

  static JsonNode json(HttpResponse<?> response) throws IOException {
    return Http.JSON.readTree(response.body() instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : (String) response.body());
  }

  @Test
  @Order(1)
  void wheels_uploaded_through_the_api_and_twine_are_listed_with_hashes_and_requires_python() throws Exception {
    Path base = built("tessera_demo_base-1.0");
    HttpResponse<String> uploaded = apiUpload(privateChannel, base);
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
    assertThat(Http.JSON.readTree(uploaded.body()).get("path").asText()).isEqualTo("/repository/pypi/" + privateChannel + "/files/tessera-demo-base/" + base.getFileName());

    assumeTrue(Files.isExecutable(Path.of(TWINE)), "Debian's twine is not installed (apt-get install twine)");
    Path app = built("tessera_demo_app-1.0");
    run(work, TWINE, "upload", "--non-interactive", "--disable-progress-bar", "--repository-url", platform.url() + "/repository/pypi/" + privateChannel + "/",
        "-u", "__token__", "-p", token, app.toString()).assertOk();
    // The same upload again: twine reports the conflict, and --skip-existing passes over it.
    Result again = run(work, TWINE, "upload", "--non-interactive", "--disable-progress-bar", "--repository-url",
        platform.url() + "/repository/pypi/" + privateChannel + "/legacy/", "-u", user, "-p", token, app.toString());
    assertThat(again.exitCode()).as(again.output()).isNotZero();
    assertThat(again.output()).contains("409").contains("never replaced");
    run(work, TWINE, "upload", "--non-interactive", "--disable-progress-bar", "--skip-existing", "--repository-url",
        platform.url() + "/repository/pypi/" + privateChannel + "/", "-u", "__token__", "-p", token, app.toString()).assertOk();

    HttpResponse<byte[]> list = get("/repository/pypi/" + privateChannel + "/simple/", basic(user, token));
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(new String(list.body(), StandardCharsets.UTF_8)).contains("<a href=\"tessera-demo-app/\">tessera-demo-app</a>")
        .contains("<a href=\"tessera-demo-base/\">tessera-demo-base</a>").contains("<meta name=\"pypi:repository-version\" content=\"1.1\">");

    String page = new String(get("/repository/pypi/" + privateChannel + "/simple/tessera-demo-base/", basic(user, token)).body(), StandardCharsets.UTF_8);
    assertThat(page).contains("href=\"/repository/pypi/" + privateChannel + "/files/tessera-demo-base/" + base.getFileName() + "#sha256=" + sha256(base) + "\"")
        .contains("data-requires-python=\"&gt;=3.7,&lt;4\"");
  }

  @Test
  @Order(2)
  void pip_installs_a_package_with_its_dependency_from_the_private_index_with_a_token() throws Exception {
    Result installed = run(work, venv.resolve("bin/pip").toString(), "install", "--index-url", index(privateChannel, true), "tessera-demo-app");
    installed.assertOk();
    assertThat(installed.output()).contains("Successfully installed").contains("tessera-demo-app-1.0").contains("tessera-demo-base-1.0");
    run(work, venv.resolve("bin/python").toString(), "-c", "import tessera_demo_app, tessera_demo_base; print(tessera_demo_base.VERSION)").assertOk();
  }

  @Test
  @Order(3)
  void the_private_index_refuses_clients_without_a_token_and_hides_from_strangers() throws Exception {
    // pip reports the refused page at debug level only.
    Result refused = run(work, venv.resolve("bin/pip").toString(), "download", "-vv", "--no-deps", "-d", work.resolve("refused").toString(), "--index-url",
        index(privateChannel, false), "tessera-demo-base");
    assertThat(refused.exitCode()).as(refused.output()).isNotZero();
    assertThat(refused.output()).contains("401 Client Error");
    if (Files.isDirectory(work.resolve("refused"))) {
      assertThat(work.resolve("refused")).isEmptyDirectory();
    }

    HttpResponse<byte[]> anonymous = get("/repository/pypi/" + privateChannel + "/simple/tessera-demo-base/", Map.of());
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Basic ");
    assertThat(get("/repository/pypi/" + privateChannel + "/simple/", basic(user, "tsk_wrong")).statusCode()).isEqualTo(401);

    KeycloakAdmin keycloak = new KeycloakAdmin(platform);
    String stranger = Http.passwordToken(platform.realmUrl(), "tessera-cli", "pypi-stranger", keycloak.ensureUserWithRoles("pypi-stranger", List.of()));
    String strangerToken = ProjectsIT.accessToken(stranger, ProjectsIT.unique("pip"));
    HttpResponse<byte[]> hidden = get("/repository/pypi/" + privateChannel + "/simple/tessera-demo-base/", basic("pypi-stranger", strangerToken));
    assertThat(hidden.statusCode()).isEqualTo(404);
    assertThat(hidden.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");

    // A signed-in user without the uploader role may read a public index but not upload to it.
    Path base = built("tessera_demo_base-1.0");
    HttpResponse<String> forbidden = postMultipart("/repository/pypi/" + publicChannel + "/", basic("__token__", strangerToken), twineForm(base, sha256(base)));
    assertThat(forbidden.statusCode()).as(forbidden.body()).isEqualTo(403);
  }

  @Test
  @Order(4)
  void a_public_index_installs_anonymously() throws Exception {
    for (String prefix : List.of("tessera_demo_base-1.0", "tessera_demo_app-1.0")) {
      Path file = built(prefix);
      HttpResponse<String> uploaded = postMultipart("/repository/pypi/" + publicChannel + "/", basic("__token__", token), twineForm(file, sha256(file)));
      assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
    }
    Path anonymous = work.resolve("venv-anonymous");
    run(work, PYTHON, "-m", "venv", anonymous.toString()).assertOk();
    Result installed = run(work, anonymous.resolve("bin/pip").toString(), "install", "--index-url", index(publicChannel, false), "tessera-demo-app");
    installed.assertOk();
    assertThat(installed.output()).contains("tessera-demo-base-1.0");
  }

  @Test
  @Order(5)
  void bad_uploads_are_refused_with_the_reason_and_nothing_is_stored() throws Exception {
    Path base = built("tessera_demo_base-1.0");
    Path renamed = Files.copy(base, work.resolve("other_name-1.0-py3-none-any.whl"));
    HttpResponse<String> mismatch = apiUpload(privateChannel, renamed);
    assertThat(mismatch.statusCode()).as(mismatch.body()).isEqualTo(422);
    assertThat(mismatch.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(Http.JSON.readTree(mismatch.body()).get("detail").asText()).contains("tessera-demo-base").contains("rename");
    assertThat(get("/repository/pypi/" + privateChannel + "/simple/other-name/", basic(user, token)).statusCode()).isEqualTo(404);

    HttpResponse<String> duplicate = apiUpload(privateChannel, base);
    assertThat(duplicate.statusCode()).as(duplicate.body()).isEqualTo(409);

    Path extra = built("tessera_demo_extra-1.0");
    HttpResponse<String> damaged = postMultipart("/repository/pypi/" + privateChannel + "/", basic("__token__", token), twineForm(extra, "0".repeat(64)));
    assertThat(damaged.statusCode()).as(damaged.body()).isEqualTo(400);
    assertThat(Http.JSON.readTree(damaged.body()).get("detail").asText()).contains("damaged");
    HttpResponse<String> renamedByTwine = postMultipart("/repository/pypi/" + privateChannel + "/", basic("__token__", token), twineForm(renamed, sha256(renamed)));
    assertThat(renamedByTwine.statusCode()).as(renamedByTwine.body()).isEqualTo(400);
    Map<String, Object> noAction = new LinkedHashMap<>(twineForm(extra, sha256(extra)));
    noAction.remove(":action");
    assertThat(postMultipart("/repository/pypi/" + privateChannel + "/", basic("__token__", token), noAction).statusCode()).isEqualTo(400);
    assertThat(get("/repository/pypi/" + privateChannel + "/simple/tessera-demo-extra/", basic(user, token)).statusCode()).isEqualTo(404);

    HttpResponse<String> anonymousUpload = postMultipart("/repository/pypi/" + privateChannel + "/", Map.of(), twineForm(extra, sha256(extra)));
    assertThat(anonymousUpload.statusCode()).isEqualTo(401);
    assertThat(anonymousUpload.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Basic ");

    // Nothing half-written: no project directory for the refused files, and the received parts are gone.
    Path channelDir = platform.home().resolve("data/channels/" + privateChannel);
    assertThat(channelDir.resolve("other-name")).doesNotExist();
    assertThat(channelDir.resolve("tessera-demo-extra")).doesNotExist();
    Path staging = platform.home().resolve("data/channel-staging");
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (fileCount(staging) > 0 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(fileCount(staging)).as("files left in %s", staging).isZero();
  }

  @Test
  @Order(6)
  void a_yanked_file_is_marked_and_skipped_unless_pinned() throws Exception {
    for (String prefix : List.of("tessera_demo_extra-1.0", "tessera_demo_extra-1.1")) {
      HttpResponse<String> uploaded = apiUpload(privateChannel, built(prefix));
      assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
    }
    String oldest = built("tessera_demo_extra-1.0").getFileName().toString();
    String newest = built("tessera_demo_extra-1.1").getFileName().toString();
    Http.Response yanked = Http.send("PUT", platform.url() + "/api/v1/channels/" + privateChannel + "/files/tessera-demo-extra/" + newest + "/yanked", admin,
        "{\"yanked\": true, \"reason\": \"broken <build>\"}");
    assertThat(yanked.status()).as(yanked.body()).isEqualTo(200);

    String page = new String(get("/repository/pypi/" + privateChannel + "/simple/tessera-demo-extra/", basic(user, token)).body(), StandardCharsets.UTF_8);
    assertThat(page).contains(newest + "#sha256=").contains("data-yanked=\"broken &lt;build&gt;\"");
    assertThat(page.lines().filter(l -> l.contains(oldest)).findFirst().orElseThrow()).doesNotContain("data-yanked");

    Path unpinned = work.resolve("unpinned");
    run(work, venv.resolve("bin/pip").toString(), "download", "--no-deps", "-d", unpinned.toString(), "--index-url", index(privateChannel, true), "tessera-demo-extra")
        .assertOk();
    assertThat(unpinned.resolve(oldest)).exists();
    assertThat(unpinned.resolve(newest)).doesNotExist();
    Path pinned = work.resolve("pinned");
    run(work, venv.resolve("bin/pip").toString(), "download", "--no-deps", "-d", pinned.toString(), "--index-url", index(privateChannel, true),
        "tessera-demo-extra==1.1").assertOk();
    assertThat(pinned.resolve(newest)).exists();
  }

  @Test
  @Order(7)
  void the_json_form_redirects_and_ranges_work_as_pypi_does() throws Exception {
    Path base = built("tessera_demo_base-1.0");
    HttpResponse<byte[]> json = get("/repository/pypi/" + privateChannel + "/simple/tessera-demo-base/",
        Map.of("Accept", "application/vnd.pypi.simple.v1+json, text/html;q=0.1", "Authorization", "Bearer " + token));
    assertThat(json.statusCode()).isEqualTo(200);
    assertThat(json.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/vnd.pypi.simple.v1+json");
    JsonNode project = json(json);
    assertThat(project.at("/meta/api-version").asText()).isEqualTo("1.1");
    assertThat(project.get("name").asText()).isEqualTo("tessera-demo-base");
    assertThat(project.at("/versions/0").asText()).isEqualTo("1.0");
    JsonNode file = project.at("/files/0");
    assertThat(file.get("filename").asText()).isEqualTo(base.getFileName().toString());
    assertThat(file.at("/hashes/sha256").asText()).isEqualTo(sha256(base));
    assertThat(file.get("requires-python").asText()).isEqualTo(">=3.7,<4");
    assertThat(file.get("yanked").asBoolean()).isFalse();
    assertThat(file.get("size").asLong()).isEqualTo(Files.size(base));
    assertThat(file.get("upload-time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
    HttpResponse<byte[]> forced = get("/repository/pypi/" + privateChannel + "/simple/?format=application/vnd.pypi.simple.v1%2Bjson", basic(user, token));
    assertThat(json(forced).get("projects").findValuesAsText("name")).contains("tessera-demo-app", "tessera-demo-base", "tessera-demo-extra");
    assertThat(get("/repository/pypi/" + privateChannel + "/simple/", Map.of("Accept", "application/json", "Authorization", "Bearer " + token)).statusCode())
        .isEqualTo(406);

    HttpResponse<byte[]> moved = get("/repository/pypi/" + privateChannel + "/simple/Tessera_Demo.Base/", basic(user, token));
    assertThat(moved.statusCode()).isEqualTo(301);
    assertThat(moved.headers().firstValue("Location").orElse("")).endsWith("/repository/pypi/" + privateChannel + "/simple/tessera-demo-base/");

    String url = "/repository/pypi/" + privateChannel + "/files/tessera-demo-base/" + base.getFileName();
    HttpResponse<byte[]> range = get(url, Map.of("Range", "bytes=0-9", "Authorization", "Bearer " + token));
    assertThat(range.statusCode()).isEqualTo(206);
    assertThat(range.body()).containsExactly(java.util.Arrays.copyOf(Files.readAllBytes(base), 10));
    assertThat(range.headers().firstValue("Content-Range").orElse("")).isEqualTo("bytes 0-9/" + Files.size(base));
    String etag = range.headers().firstValue("ETag").orElseThrow();
    assertThat(get(url, Map.of("If-None-Match", etag, "Authorization", "Bearer " + token)).statusCode()).isEqualTo(304);
    assertThat(get(url, Map.of()).statusCode()).isEqualTo(401);

    // PEP 658: the wheel's METADATA beside it, byte for byte, with the hash the index announces
    // (pip fetches it instead of the wheel while resolving, and checks the hash).
    HttpResponse<byte[]> metadata = get(url + ".metadata", Map.of("Authorization", "Bearer " + token));
    assertThat(metadata.statusCode()).isEqualTo(200);
    try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(base.toFile())) {
      var entry = zip.stream().filter(e -> e.getName().endsWith(".dist-info/METADATA")).findFirst().orElseThrow();
      assertThat(metadata.body()).containsExactly(zip.getInputStream(entry).readAllBytes());
    }
    String metadataSha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(metadata.body()));
    assertThat(file.at("/core-metadata/sha256").asText()).isEqualTo(metadataSha256);
    assertThat(file.has("dist-info-metadata")).as("the old JSON name crashes pip 22.3 to 23.0").isFalse();
    String page = new String(get("/repository/pypi/" + privateChannel + "/simple/tessera-demo-base/", basic(user, token)).body(), StandardCharsets.UTF_8);
    assertThat(page).contains("data-core-metadata=\"sha256=" + metadataSha256 + "\"").contains("data-dist-info-metadata=\"sha256=" + metadataSha256 + "\"");
    assertThat(get(url + ".metadata", Map.of()).statusCode()).isEqualTo(401);
    assertThat(get("/repository/pypi/" + privateChannel + "/files/tessera-demo-base/nothing-1.0-py3-none-any.whl.metadata", Map.of("Authorization", "Bearer " + token))
        .statusCode()).isEqualTo(404);

    // Removing the wheel removes its metadata file too.
    Path sidecar = platform.home().resolve("data/channels/" + privateChannel + "/tessera-demo-base/" + base.getFileName() + ".metadata");
    assertThat(sidecar).exists();
    Http.Response removed = Http.send("DELETE", platform.url() + "/api/v1/channels/" + privateChannel + "/files/tessera-demo-base/" + base.getFileName(), admin, null);
    assertThat(removed.status()).as(removed.body()).isEqualTo(204);
    assertThat(get(url + ".metadata", Map.of("Authorization", "Bearer " + token)).statusCode()).isEqualTo(404);
    assertThat(sidecar).doesNotExist();
  }
}
