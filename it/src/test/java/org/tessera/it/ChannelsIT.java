package org.tessera.it;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Conda channels with real conda tooling: packages built by conda-package-handling ({@code cph})
 * in both formats, uploaded through the API, resolved by rattler's solver from repodata.json over
 * HTTP (public, and private with a token in conda's /t/TOKEN/ form), downloaded, checked and
 * extracted with {@code cph x}; Range and conditional requests; and bad packages refused with
 * nothing stored and the index unchanged.
 */
class ChannelsIT {

  static Platform platform;
  static String admin;
  static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @TempDir static Path work;

  @BeforeAll
  static void startPlatform() {
    platform = Platform.shared();
    admin = Http.passwordToken(platform.realmUrl(), "tessera-cli", platform.adminUsername(), platform.adminPassword());
  }

  static String unique(String base) {
    return base + "-" + UUID.randomUUID().toString().substring(0, 6);
  }

  static JsonNode createChannel(String token, String name, boolean isPrivate) {
    Http.Response created = Http.send("POST", platform.url() + "/api/v1/channels", token, "{\"name\": \"" + name + "\", \"type\": \"conda\", \"private\": " + isPrivate + "}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json();
  }

  /** A conda package built by cph from an index.json and one file; returns its path. */
  static Path condaPackage(String name, String version, String build, String subdir, List<String> depends, String extension) throws Exception {
    Path src = Files.createDirectories(work.resolve(unique("src")));
    Files.createDirectories(src.resolve("info"));
    Files.createDirectories(src.resolve("share/" + name));
    Files.writeString(src.resolve("share/" + name + "/README"), name + " " + version + "\n");
    Files.writeString(src.resolve("info/files"), "share/" + name + "/README\n");
    String deps = String.join(",", depends.stream().map(d -> "\"" + d + "\"").toList());
    Files.writeString(src.resolve("info/index.json"), "{\"name\": \"" + name + "\", \"version\": \"" + version + "\", \"build\": \"" + build
        + "\", \"build_number\": 0, \"subdir\": \"" + subdir + "\", \"depends\": [" + deps + "], \"license\": \"MIT\", \"timestamp\": 1700000000000}");
    Path out = Files.createDirectories(work.resolve(unique("out")));
    String filename = name + "-" + version + "-" + build + extension;
    run(work, "cph", "create", src.toString(), filename, "--out-folder", out.toString());
    return out.resolve(filename);
  }

  static String run(Path dir, String... command) throws Exception {
    Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    assertThat(process.waitFor(3, TimeUnit.MINUTES)).as(String.join(" ", command)).isTrue();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(process.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
    return output;
  }

  /** POSTs one file as the multipart field {@code file}, as curl -F does. */
  static Http.Response upload(String token, String channel, String filename, byte[] content) {
    String boundary = "tessera" + UUID.randomUUID().toString().replace("-", "");
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return Http.sendBytes("POST", platform.url() + "/api/v1/channels/" + channel + "/files", token, body.toByteArray(), "multipart/form-data; boundary=" + boundary);
  }

  static Http.Response upload(String token, String channel, Path file) throws IOException {
    return upload(token, channel, file.getFileName().toString(), Files.readAllBytes(file));
  }

  /** rattler's solve of the specs against the channel URLs, for linux-64 and noarch. */
  static JsonNode solve(List<String> specs, String... channels) throws Exception {
    Process node = new ProcessBuilder("node", "conda-solve.mjs", Http.JSON.writeValueAsString(specs), Http.JSON.writeValueAsString(List.of(channels)),
        "[\"linux-64\", \"noarch\"]").directory(Launcher.ROOT.resolve("it/browser").toFile()).redirectErrorStream(true).start();
    assertThat(node.waitFor(2, TimeUnit.MINUTES)).isTrue();
    String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(node.exitValue()).as(output).isZero();
    return Http.JSON.readTree(output);
  }

  static HttpResponse<byte[]> fetch(String url, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
    headers.forEach(request::header);
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  @Test
  void rattler_resolves_and_fetches_packages_of_both_formats_which_cph_extracts() throws Exception {
    String channel = unique("conda-pub");
    JsonNode created = createChannel(admin, channel, false);
    assertThat(created.get("url").asText()).isEqualTo(platform.url() + "/repository/conda/" + channel);
    assertThat(upload(admin, channel, condaPackage("libtiny", "1.0", "0", "linux-64", List.of(), ".tar.bz2")).status()).isEqualTo(201);
    Http.Response newer = upload(admin, channel, condaPackage("libtiny", "1.1", "0", "linux-64", List.of(), ".conda"));
    assertThat(newer.status()).as(newer.body()).isEqualTo(201);
    assertThat(newer.json().get("subdir").asText()).isEqualTo("linux-64");
    assertThat(upload(admin, channel, condaPackage("tinyapp", "2.0", "py_0", "noarch", List.of("libtiny >=1.0"), ".conda")).status()).isEqualTo(201);

    JsonNode solved = solve(List.of("tinyapp"), platform.url() + "/repository/conda/" + channel);
    Map<String, JsonNode> byName = new java.util.HashMap<>();
    solved.forEach(p -> byName.put(p.get("name").asText(), p));
    assertThat(byName).containsOnlyKeys("tinyapp", "libtiny");
    assertThat(byName.get("libtiny").get("version").asText()).as("the solver picks the newest").isEqualTo("1.1");
    assertThat(byName.get("libtiny").get("filename").asText()).isEqualTo("libtiny-1.1-0.conda");

    for (JsonNode p : solved) {
      HttpResponse<byte[]> file = fetch(p.get("url").asText(), Map.of());
      assertThat(file.statusCode()).isEqualTo(200);
      assertThat(sha256(file.body())).isEqualTo(p.get("sha256").asText());
      Path downloaded = Files.write(Files.createDirectories(work.resolve(unique("dl"))).resolve(p.get("filename").asText()), file.body());
      Path extracted = work.resolve(unique("x"));
      run(work, "cph", "x", downloaded.toString(), "--dest", extracted.toString());
      assertThat(extracted.resolve("share/" + p.get("name").asText() + "/README")).hasContent(p.get("name").asText() + " " + p.get("version").asText());
    }

    // The compressed index clients ask for first, and an empty index for a platform without packages.
    HttpResponse<byte[]> zst = fetch(created.get("url").asText() + "/linux-64/repodata.json.zst", Map.of());
    assertThat(zst.statusCode()).isEqualTo(200);
    assertThat(HexFormat.of().formatHex(zst.body(), 0, 4)).isEqualTo("28b52ffd");
    assertThat(fetch(created.get("url").asText() + "/linux-64/repodata.json.bz2", Map.of()).statusCode()).as("clients fall back to the JSON").isEqualTo(404);
    HttpResponse<byte[]> osx = fetch(created.get("url").asText() + "/osx-arm64/repodata.json", Map.of());
    assertThat(osx.statusCode()).isEqualTo(200);
    assertThat(Http.JSON.readTree(osx.body()).get("packages").size()).isZero();
    assertThat(fetch(created.get("url").asText() + "/mars-64/repodata.json", Map.of()).statusCode()).isEqualTo(404);

    // The package pages' data: versions newest first, platforms, downloads counted.
    JsonNode packages = Http.get(platform.url() + "/api/v1/channels/" + channel + "/packages", admin).json();
    JsonNode libtiny = null;
    for (JsonNode p : packages) {
      if (p.get("name").asText().equals("libtiny")) {
        libtiny = p;
      }
    }
    assertThat(libtiny).isNotNull();
    assertThat(libtiny.get("versions")).extracting(JsonNode::asText).containsExactly("1.1", "1.0");
    assertThat(libtiny.get("downloads").asLong()).isEqualTo(1);
    JsonNode detail = Http.get(platform.url() + "/api/v1/channels/" + channel + "/packages/tinyapp", admin).json();
    assertThat(detail.get("installCommand").asText()).isEqualTo("conda install -c " + platform.url() + "/repository/conda/" + channel + " tinyapp");
  }

  @Test
  void a_private_channel_needs_a_token_in_the_url_or_the_header() throws Exception {
    String channel = unique("conda-priv");
    JsonNode created = createChannel(admin, channel, true);
    assertThat(upload(admin, channel, condaPackage("secretlib", "0.1", "0", "noarch", List.of(), ".tar.bz2")).status()).isEqualTo(201);
    String index = created.get("url").asText() + "/noarch/repodata.json";

    HttpResponse<byte[]> anonymous = fetch(index, Map.of());
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));

    String token = ProjectsIT.accessToken(admin, unique("conda"));
    String tokenUrl = platform.url() + "/repository/conda/t/" + token + "/" + channel;
    JsonNode solved = solve(List.of("secretlib"), tokenUrl);
    assertThat(solved).singleElement().satisfies(p -> assertThat(p.get("url").asText()).startsWith(tokenUrl));
    assertThat(fetch(solved.get(0).get("url").asText(), Map.of()).statusCode()).isEqualTo(200);
    assertThat(fetch(index, Map.of("Authorization", "Bearer " + token)).statusCode()).isEqualTo(200);
    String basic = java.util.Base64.getEncoder().encodeToString((platform.adminUsername() + ":" + token).getBytes(StandardCharsets.UTF_8));
    assertThat(fetch(index, Map.of("Authorization", "Basic " + basic)).statusCode()).isEqualTo(200);

    // A wrong token is refused even on a public channel: the client learns its token is bad.
    assertThat(fetch(platform.url() + "/repository/conda/t/tsr_0000000000000000_nope/" + channel + "/noarch/repodata.json", Map.of()).statusCode()).isEqualTo(401);

    // A signed-in user the channel is not shared with does not see it; a read share lets them in but not upload.
    KeycloakAdmin keycloak = new KeycloakAdmin(platform);
    String stranger = Http.passwordToken(platform.realmUrl(), "tessera-cli", "channel-reader", keycloak.ensureUserWithRoles("channel-reader", List.of("ae-uploader")));
    String strangerToken = ProjectsIT.accessToken(stranger, unique("reader"));
    assertThat(fetch(index, Map.of("Authorization", "Bearer " + strangerToken)).statusCode()).isEqualTo(404);
    ApiIT.assertProblem(Http.get(platform.url() + "/api/v1/channels/" + channel, stranger), 404, "channel-not-found");
    Http.Response shared = Http.send("POST", platform.url() + "/api/v1/channels/" + channel + "/shares", admin, "{\"user\": \"channel-reader\", \"permission\": \"r\"}");
    assertThat(shared.status()).as(shared.body()).isEqualTo(200);
    assertThat(fetch(index, Map.of("Authorization", "Bearer " + strangerToken)).statusCode()).isEqualTo(200);
    ApiIT.assertProblem(upload(stranger, channel, condaPackage("intruder", "1.0", "0", "noarch", List.of(), ".tar.bz2")), 403, "channel-access-denied");

    // Revoking the token shuts the door at once.
    String tokenId = token.substring(4, 20);
    assertThat(Http.send("DELETE", platform.url() + "/api/v1/me/tokens/" + tokenId, admin, null).status()).isEqualTo(204);
    assertThat(fetch(tokenUrl + "/noarch/repodata.json", Map.of()).statusCode()).isEqualTo(401);
  }

  @Test
  void package_files_support_range_and_conditional_requests() throws Exception {
    String channel = unique("conda-range");
    createChannel(admin, channel, false);
    Path file = condaPackage("rangepkg", "1.0", "0", "noarch", List.of(), ".tar.bz2");
    byte[] bytes = Files.readAllBytes(file);
    assertThat(upload(admin, channel, file).status()).isEqualTo(201);
    String url = platform.url() + "/repository/conda/" + channel + "/noarch/" + file.getFileName();

    HttpResponse<byte[]> whole = fetch(url, Map.of());
    String etag = whole.headers().firstValue("ETag").orElseThrow();
    assertThat(etag).isEqualTo("\"" + sha256(bytes) + "\"");
    assertThat(whole.headers().firstValue("Accept-Ranges")).hasValue("bytes");

    HttpResponse<byte[]> part = fetch(url, Map.of("Range", "bytes=10-19"));
    assertThat(part.statusCode()).isEqualTo(206);
    assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 10-19/" + bytes.length);
    assertThat(part.body()).isEqualTo(java.util.Arrays.copyOfRange(bytes, 10, 20));
    HttpResponse<byte[]> tail = fetch(url, Map.of("Range", "bytes=-5"));
    assertThat(tail.body()).isEqualTo(java.util.Arrays.copyOfRange(bytes, bytes.length - 5, bytes.length));
    assertThat(fetch(url, Map.of("Range", "bytes=" + bytes.length + "-")).statusCode()).isEqualTo(416);
    assertThat(fetch(url, Map.of("Range", "bytes=0-3", "If-Range", "\"other\"")).statusCode()).as("a stale If-Range gets the whole file").isEqualTo(200);

    assertThat(fetch(url, Map.of("If-None-Match", etag)).statusCode()).isEqualTo(304);
    String index = platform.url() + "/repository/conda/" + channel + "/noarch/repodata.json";
    HttpResponse<byte[]> repodata = fetch(index, Map.of());
    assertThat(fetch(index, Map.of("If-None-Match", repodata.headers().firstValue("ETag").orElseThrow())).statusCode()).isEqualTo(304);
  }

  @Test
  void bad_packages_are_refused_with_nothing_stored_and_the_index_unchanged() throws Exception {
    String channel = unique("conda-bad");
    createChannel(admin, channel, false);
    Path good = condaPackage("goodpkg", "1.0", "0", "noarch", List.of(), ".tar.bz2");
    assertThat(upload(admin, channel, good).status()).isEqualTo(201);
    String index = platform.url() + "/repository/conda/" + channel + "/noarch/repodata.json";
    byte[] before = fetch(index, Map.of()).body();

    ApiIT.assertProblem(upload(admin, channel, "other-1.0-0.tar.bz2", Files.readAllBytes(good)), 422, "package-rejected");
    ApiIT.assertProblem(upload(admin, channel, good), 409, "package-file-exists");
    ApiIT.assertProblem(upload(admin, channel, "corrupt-1.0-0.tar.bz2", "not a package at all".getBytes(StandardCharsets.UTF_8)), 422, "package-rejected");
    ApiIT.assertProblem(upload(admin, channel, "empty-1.0-0.conda", new byte[0]), 422, "package-rejected");
    ApiIT.assertProblem(upload(admin, channel, "wheel-1.0-py3-none-any.whl", Files.readAllBytes(good)), 422, "package-rejected");
    Path evil = work.resolve("evil-1.0-0.tar.bz2");
    run(work, "/usr/bin/python3", "-c", """
        import io, sys, tarfile
        with tarfile.open(sys.argv[1], 'w:bz2') as t:
            for name, data in [('info/index.json', b'{"name":"evil","version":"1.0","build":"0","build_number":0,"subdir":"noarch"}'), ('../../../tmp/owned', b'x')]:
                info = tarfile.TarInfo(name); info.size = len(data); t.addfile(info, io.BytesIO(data))
        """, evil.toString());
    Http.Response traversal = upload(admin, channel, evil);
    ApiIT.assertProblem(traversal, 422, "package-rejected");
    assertThat(traversal.body()).contains("outside the install prefix");
    ApiIT.assertProblem(Http.sendBytes("POST", platform.url() + "/api/v1/channels/" + channel + "/files", admin, "x".getBytes(StandardCharsets.UTF_8),
        "multipart/form-data; boundary=b"), 400, "invalid-channel-request");

    assertThat(fetch(index, Map.of()).body()).as("the index did not change").isEqualTo(before);
    assertThat(Http.get(platform.url() + "/api/v1/channels/" + channel, admin).json().get("files").asLong()).isEqualTo(1);
    List<String> left = new ArrayList<>();
    try (var files = Files.list(platform.home().resolve("data/channels/" + channel + "/noarch"))) {
      files.forEach(f -> left.add(f.getFileName().toString()));
    }
    assertThat(left).containsExactlyInAnyOrder("goodpkg-1.0-0.tar.bz2", "repodata.json", "repodata.json.zst");

    // Names and roles: a duplicate channel, a bad name, a user without ae-uploader.
    ApiIT.assertProblem(Http.send("POST", platform.url() + "/api/v1/channels", admin, "{\"name\": \"" + channel + "\"}"), 409, "channel-exists");
    ApiIT.assertProblem(Http.send("POST", platform.url() + "/api/v1/channels", admin, "{\"name\": \"Bad Name!\"}"), 400, "invalid-channel-request");
    ApiIT.assertProblem(Http.send("POST", platform.url() + "/api/v1/channels", admin, "{\"name\": \"x-" + channel + "\", \"type\": \"rpm\"}"), 400, "invalid-channel-request");
    KeycloakAdmin keycloak = new KeycloakAdmin(platform);
    String plain = Http.passwordToken(platform.realmUrl(), "tessera-cli", "channel-plain", keycloak.ensureUserWithRoles("channel-plain", List.of()));
    ApiIT.assertProblem(Http.send("POST", platform.url() + "/api/v1/channels", plain, "{\"name\": \"" + unique("plain") + "\"}"), 403, "permission-denied");
    assertThat(fetch(index, Map.of()).statusCode()).as("public channels stay readable by everyone").isEqualTo(200);

    // Deleting a file takes it out of the index, then off the disk.
    assertThat(Http.send("DELETE", platform.url() + "/api/v1/channels/" + channel + "/files/noarch/" + good.getFileName(), admin, null).status()).isEqualTo(204);
    assertThat(Http.JSON.readTree(fetch(index, Map.of()).body()).get("packages").size()).isZero();
    assertThat(fetch(platform.url() + "/repository/conda/" + channel + "/noarch/" + good.getFileName(), Map.of()).statusCode()).isEqualTo(404);
    assertThat(Http.send("DELETE", platform.url() + "/api/v1/channels/" + channel, admin, null).status()).isEqualTo(204);
    assertThat(platform.home().resolve("data/channels/" + channel)).doesNotExist();
  }
}
