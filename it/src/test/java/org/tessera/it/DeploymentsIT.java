package org.tessera.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Real deployments of template projects run by the local runtime and reached only through
 * Tessera's proxy at /apps/: a Flask API called with and without tokens, by strangers and by the
 * people it is shared with; a read-only notebook; a 90/10 split over 1,000 requests; commands that
 * fail or never listen; termination freeing the process; a restart of WildFly.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeploymentsIT {

  static Platform platform;
  static String admin;
  static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @BeforeAll
  static void startPlatform() {
    platform = Platform.shared();
    admin = adminToken();
  }

  static String adminToken() {
    return Http.passwordToken(platform.realmUrl(), "tessera-cli", platform.adminUsername(), platform.adminPassword());
  }

  /** Leaves no deployment running after the class, whatever failed. */
  @AfterAll
  static void terminateEverything() {
    String token = adminToken();
    for (JsonNode deployment : Http.get(platform.url() + "/api/v1/deployments?all=true", token).json()) {
      Http.send("DELETE", platform.url() + "/api/v1/deployments/" + deployment.get("id").asText(), token, null);
    }
  }

  static JsonNode deploy(String projectId, String body) {
    Http.Response created = Http.send("POST", platform.url() + "/api/v1/projects/" + projectId + "/deployments", admin, body);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json();
  }

  static JsonNode await(String id, Predicate<JsonNode> condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    JsonNode deployment = Http.get(platform.url() + "/api/v1/deployments/" + id, admin).json();
    while (!condition.test(deployment) && System.nanoTime() < deadline && !deployment.path("status").asText().equals("failed")) {
      Thread.sleep(500);
      deployment = Http.get(platform.url() + "/api/v1/deployments/" + id, admin).json();
    }
    assertThat(condition.test(deployment)).as("deployment %s never got there: %s", id, deployment).isTrue();
    return deployment;
  }

  static Predicate<JsonNode> running() {
    return d -> d.path("status").asText().equals("running");
  }

  /** A request as a machine sends it: only the headers given, no Tessera sign-in. */
  static HttpResponse<String> call(String method, String path, Map<String, String> headers, String body) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.url() + path)).timeout(Duration.ofSeconds(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static Map<String, String> bearer(String token) {
    return Map.of("Authorization", "Bearer " + token, "Accept", "application/json");
  }

  static String createToken(String deploymentId) {
    Http.Response token = Http.send("POST", platform.url() + "/api/v1/deployments/" + deploymentId + "/tokens", admin, "{\"expiresInDays\": 1}");
    assertThat(token.status()).as(token.body()).isEqualTo(201);
    assertThat(token.json().get("token").asText()).startsWith("tsd_");
    return token.json().get("token").asText();
  }

  static Properties workload(String versionId) throws IOException {
    Properties state = new Properties();
    try (var in = Files.newInputStream(platform.home().resolve("data/workloads/app-" + versionId + "/workload.properties"))) {
      state.load(in);
    }
    return state;
  }

  @Test
  @Order(1)
  void a_flask_api_answers_token_holders_and_the_people_it_is_shared_with_only() throws Exception {
    JsonNode project = ProjectsIT.create(admin, ProjectsIT.unique("flask-deploy"), "flask-api");
    String projectId = project.get("id").asText();
    String name = ProjectsIT.unique("sales-api");
    ApiIT.assertProblem(Http.send("POST", platform.url() + "/api/v1/projects/" + projectId + "/deployments", admin,
        "{\"name\": \"" + name + "\", \"variables\": {\"PORT\": \"80\"}}"), 400, "invalid-deployment-request");
    JsonNode created = deploy(projectId, "{\"name\": \"" + name + "\", \"variables\": {\"GREETING\": \"Bonjour\"}}");
    String id = created.get("id").asText();
    assertThat(created.get("url").asText()).isEqualTo("/apps/" + name + "/");
    assertThat(created.get("variables").get("GREETING").asText()).isEqualTo("Bonjour");
    assertThat(created.get("public").asBoolean()).isFalse();
    assertThat(created.get("command").asText()).isEqualTo("default");
    await(id, running());
    String path = "/apps/" + name + "/";

    HttpResponse<String> anonymous = call("GET", path, Map.of("Accept", "application/json"), null);
    assertThat(anonymous.statusCode()).as(anonymous.body()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");

    String token = createToken(id);
    HttpResponse<String> answered = call("GET", path, bearer(token), null);
    assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
    assertThat(Http.JSON.readTree(answered.body()).get("message").asText()).as("GREETING set for the deployment, over the project's default").isEqualTo("Bonjour");
    assertThat(answered.headers().firstValue("X-Tessera-Version")).isPresent();
    HttpResponse<String> predicted = call("POST", path + "predict", Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json"), "{\"values\": [1, 2, 39]}");
    assertThat(predicted.statusCode()).as(predicted.body()).isEqualTo(200);
    assertThat(Http.JSON.readTree(predicted.body()).get("sum").asInt()).isEqualTo(42);
    assertThat(call("GET", path, bearer(token + "x"), null).statusCode()).isEqualTo(401);

    // The same deployment under the wildcard apps domain, by name and by id.
    assertThat(created.get("domainUrl").asText()).isEqualTo("http://" + name + "." + Platform.APPS_DOMAIN + "/");
    assertThat(rawGet(name + "." + Platform.APPS_DOMAIN, "/", token)).startsWith("HTTP/1.1 200").contains("\"message\"");
    assertThat(rawGet(id + "." + Platform.APPS_DOMAIN, "/", token)).startsWith("HTTP/1.1 200");
    assertThat(rawGet(name + "." + Platform.APPS_DOMAIN, "/", "tsd_0000000000000000_x")).startsWith("HTTP/1.1 401");

    // Signed-in users: the owner gets through; a stranger only once it is shared with them.
    assertThat(Http.get(platform.url() + path, admin).status()).isEqualTo(200);
    KeycloakAdmin keycloak = new KeycloakAdmin(platform);
    String stranger = Http.passwordToken(platform.realmUrl(), "tessera-cli", "deploy-stranger", keycloak.ensureUser("deploy-stranger"));
    Http.Response refused = Http.get(platform.url() + path, stranger);
    assertThat(refused.status()).as(refused.body()).isEqualTo(403);
    ApiIT.assertProblem(Http.get(platform.url() + "/api/v1/deployments/" + id, stranger), 404, "deployment-not-found");
    assertThat(Http.send("POST", platform.url() + "/api/v1/deployments/" + id + "/shares", admin, "{\"kind\": \"user\", \"name\": \"deploy-stranger\"}").status()).isEqualTo(200);
    assertThat(Http.get(platform.url() + path, stranger).status()).as("sharing takes effect at once").isEqualTo(200);
    assertThat(Http.get(platform.url() + "/api/v1/deployments", stranger).body()).contains(name);
    ApiIT.assertProblem(Http.send("POST", platform.url() + "/api/v1/deployments/" + id + "/tokens", stranger, "{}"), 403, "deployment-access-denied");
    assertThat(Http.send("DELETE", platform.url() + "/api/v1/deployments/" + id + "/shares/user/deploy-stranger", admin, null).status()).isEqualTo(200);
    assertThat(Http.get(platform.url() + path, stranger).status()).as("unsharing takes effect at once").isEqualTo(403);

    // A revoked token stops working at once, though it was just used (and kept by the proxy).
    String tokenId = token.substring(4, 20);
    assertThat(Http.send("DELETE", platform.url() + "/api/v1/deployments/" + id + "/tokens/" + tokenId, admin, null).status()).isEqualTo(204);
    assertThat(call("GET", path, bearer(token), null).statusCode()).isEqualTo(401);
    assertThat(Http.get(platform.url() + "/api/v1/deployments/" + id + "/tokens", admin).json().get(0).get("revokedAt").isNull()).isFalse();

    // Names and URLs are unique; invalid requests say what to fix.
    ApiIT.assertProblem(Http.send("POST", platform.url() + "/api/v1/projects/" + projectId + "/deployments", admin, "{\"name\": \"" + name + "\"}"), 409, "deployment-exists");
    ApiIT.assertProblem(Http.send("POST", platform.url() + "/api/v1/projects/" + projectId + "/deployments", admin, "{\"name\": \"other-" + name + "\", \"staticUrl\": \"" + name + "\"}"), 409, "deployment-exists");
    ApiIT.assertProblem(Http.send("POST", platform.url() + "/api/v1/projects/" + projectId + "/deployments", admin, "{\"name\": \"Sales API\"}"), 400, "invalid-deployment-request");
    ApiIT.assertProblem(Http.send("POST", platform.url() + "/api/v1/projects/" + projectId + "/deployments", admin, "{\"name\": \"x-" + name + "\", \"revision\": \"v99\"}"), 400, "invalid-revision");
    ApiIT.assertProblem(Http.send("POST", platform.url() + "/api/v1/projects/" + projectId + "/deployments", admin, "{\"name\": \"y-" + name + "\", \"command\": \"nope\"}"), 400, "invalid-deployment-request");
    ApiIT.assertProblem(Http.send("DELETE", platform.url() + "/api/v1/projects/" + projectId, admin, null), 409, "project-in-use");

    // Terminating stops the process and frees its port; the URL stops answering.
    JsonNode shown = Http.get(platform.url() + "/api/v1/deployments/" + id, admin).json();
    assertThat(shown.get("memoryBytes").asLong()).as("resource use of a running deployment: %s", shown).isPositive();
    assertThat(shown.at("/versions/0/usageSource").asText()).isNotBlank();
    Properties state = workload(shown.at("/versions/0/id").asText());
    int port = Integer.parseInt(state.getProperty("port"));
    long pid = Long.parseLong(state.getProperty("pid"));
    assertThat(listening(port)).isTrue();
    assertThat(Http.send("DELETE", platform.url() + "/api/v1/deployments/" + id, admin, null).status()).isEqualTo(204);
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    assertThat(listening(port)).isFalse();
    assertThat(call("GET", path, bearer(createTokenFails()), null).statusCode()).isEqualTo(404);
    ApiIT.assertProblem(Http.get(platform.url() + "/api/v1/deployments/" + id, admin), 404, "deployment-not-found");
    JsonNode audit = Http.get(platform.url() + "/api/v1/audit?action=deployments.terminated", admin).json();
    assertThat(audit.at("/events/0/target").asText()).contains(id);
  }

  /** A GET with a Host header of our choosing (which HttpClient does not allow), over a plain socket. */
  static String rawGet(String host, String path, String token) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", platform.httpPort())) {
      socket.setSoTimeout(30_000);
      String request = "GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + platform.httpPort() + "\r\nAccept: application/json\r\nAuthorization: Bearer " + token
          + "\r\nConnection: close\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** A well-formed token of no deployment. */
  private static String createTokenFails() {
    return "tsd_0000000000000000_nothing";
  }

  static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  @Order(2)
  void a_notebook_is_served_read_only_but_runs() throws Exception {
    JsonNode project = ProjectsIT.create(admin, ProjectsIT.unique("nb-deploy"), "python-notebook");
    String name = ProjectsIT.unique("nb-report");
    JsonNode created = deploy(project.get("id").asText(), "{\"name\": \"" + name + "\", \"public\": true, \"variables\": {\"MODE\": \"read-only\"}}");
    await(created.get("id").asText(), running());
    String base = platform.url() + "/apps/" + name + "/";
    Http.Response notebook = Http.get(base + "api/contents/analysis.ipynb", admin);
    assertThat(notebook.status()).as(notebook.body()).isEqualTo(200);
    Http.Response saved = Http.send("PUT", base + "api/contents/analysis.ipynb", admin, notebook.body());
    assertThat(saved.status()).as("read-only: " + saved.body()).isEqualTo(403);
    assertThat(saved.body()).contains("read-only");
    Http.Response kernel = Http.send("POST", base + "api/kernels", admin, "{\"name\": \"python3\"}");
    assertThat(kernel.status()).as("but executable: " + kernel.body()).isEqualTo(201);

    // A public deployment opens for any signed-in user, in a real browser after signing in.
    Process node = new ProcessBuilder("node", "deployment.mjs", platform.url() + "/", platform.adminUsername(), platform.adminPassword(), "/apps/" + name + "/")
        .directory(Launcher.ROOT.resolve("it/browser").toFile()).redirectErrorStream(true).start();
    assertThat(node.waitFor(4, TimeUnit.MINUTES)).isTrue();
    String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(node.exitValue()).as(output).isZero();
    JsonNode seen = Http.JSON.readTree(output.substring(output.lastIndexOf('\n') + 1));
    assertThat(seen.get("url").asText()).contains("/apps/" + name + "/notebooks/analysis.ipynb");
    assertThat(seen.get("cells").asInt()).isPositive();
    assertThat(seen.get("list").asText()).contains(name);
    assertThat(seen.get("status").asText()).isEqualTo("running");
    String token = seen.get("token").asText();
    assertThat(token).startsWith("tsd_");
    assertThat(call("GET", "/apps/" + name + "/api/contents/analysis.ipynb", bearer(token), null).statusCode()).as("the token made in the page works").isEqualTo(200);
    assertThat(seen.get("variables").asText()).isEqualTo("MODE=read-only");
    assertThat(seen.get("refusedVariables").asText()).contains("Line 2 of the variables is not NAME=value");
    assertThat(Http.get(platform.url() + "/api/v1/deployments/" + created.get("id").asText(), admin).json().at("/versions/0/id").asText())
        .as("nothing redeployed").isEqualTo(created.at("/versions/0/id").asText());
  }

  @Test
  @Order(3)
  void a_ninety_ten_split_shows_over_a_thousand_requests() throws Exception {
    JsonNode project = ProjectsIT.create(admin, ProjectsIT.unique("split-deploy"), "flask-api");
    String projectId = project.get("id").asText();
    assertThat(Http.send("POST", platform.url() + "/api/v1/projects/" + projectId + "/tags", admin, "{\"name\": \"v1\"}").status()).isEqualTo(201);
    assertThat(Http.send("POST", platform.url() + "/api/v1/projects/" + projectId + "/tags", admin, "{\"name\": \"v2\"}").status()).isEqualTo(201);
    String name = ProjectsIT.unique("split-api");
    String id = deploy(projectId, "{\"name\": \"" + name + "\", \"revision\": \"v1\"}").get("id").asText();
    Http.Response added = Http.send("POST", platform.url() + "/api/v1/deployments/" + id + "/versions", admin, "{\"revision\": \"v2\"}");
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    await(id, d -> d.get("versions").size() == 2 && d.findValuesAsText("status").stream().filter("running"::equals).count() == 3);
    ApiIT.assertProblem(Http.send("PUT", platform.url() + "/api/v1/deployments/" + id + "/split", admin, "{\"routes\": [{\"version\": \"v2\", \"weight\": 20}]}"), 400, "invalid-deployment-request");
    Http.Response split = Http.send("PUT", platform.url() + "/api/v1/deployments/" + id + "/split", admin,
        "{\"routes\": [{\"version\": \"v1\", \"weight\": 90}, {\"version\": \"v2\", \"weight\": 10}]}");
    assertThat(split.status()).as(split.body()).isEqualTo(200);

    String token = createToken(id);
    Map<String, Integer> served = new HashMap<>();
    for (int i = 0; i < 1000; i++) {
      HttpResponse<String> answer = call("GET", "/apps/" + name + "/", bearer(token), null);
      assertThat(answer.statusCode()).isEqualTo(200);
      served.merge(answer.headers().firstValue("X-Tessera-Version").orElse("none"), 1, Integer::sum);
    }
    // Binomial(1000, 0.1): mean 100, standard deviation 9.5; 62..138 is four deviations either side.
    assertThat(served.keySet()).containsExactlyInAnyOrder("v1", "v2");
    assertThat(served.get("v2")).as("requests served by v2 of 1000: %s", served).isBetween(62, 138);
    JsonNode stats = Http.get(platform.url() + "/api/v1/deployments/" + id, admin).json();
    long counted = 0;
    for (JsonNode version : stats.get("versions")) {
      counted += version.get("requests").asLong();
    }
    assertThat(counted).isGreaterThanOrEqualTo(1000);

    // Redeploying keeps the URL and the token, with one version serving everyone.
    Http.Response redeployed = Http.send("POST", platform.url() + "/api/v1/deployments/" + id + "/redeploy", admin,
        "{\"revision\": \"v2\", \"variables\": {\"GREETING\": \"Hej\"}}");
    assertThat(redeployed.status()).as(redeployed.body()).isEqualTo(200);
    await(id, d -> d.get("versions").size() == 1 && running().test(d));
    HttpResponse<String> after = call("GET", "/apps/" + name + "/", bearer(token), null);
    assertThat(after.statusCode()).isEqualTo(200);
    assertThat(after.headers().firstValue("X-Tessera-Version")).hasValue("v2");
    assertThat(Http.JSON.readTree(after.body()).get("message").asText()).as("the redeploy's variables").isEqualTo("Hej");
  }

  @Test
  @Order(4)
  void commands_that_fail_or_never_listen_are_reported_with_their_last_lines() throws Exception {
    JsonNode empty = ProjectsIT.create(admin, ProjectsIT.unique("nothing-to-deploy"), "empty");
    ApiIT.assertProblem(Http.send("POST", platform.url() + "/api/v1/projects/" + empty.get("id").asText() + "/deployments", admin, "{\"name\": \"" + ProjectsIT.unique("none") + "\"}"),
        422, "not-deployable");

    String spec = "name: broken\ncommands:\n  crash:\n    unix: echo 'model file missing' >&2; exit 3\n  deaf:\n    unix: sleep 600\n";
    String projectName = ProjectsIT.unique("broken-app");
    Http.Response uploaded = Http.sendBytes("POST", platform.url() + "/api/v1/projects/upload?name=" + projectName + "&filename=broken.zip", admin,
        ProjectUploadIT.zip(Map.of("anaconda-project.yml", spec)), "application/octet-stream");
    assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
    String projectId = uploaded.json().get("id").asText();

    String crash = deploy(projectId, "{\"name\": \"" + ProjectsIT.unique("crash") + "\", \"command\": \"crash\"}").get("id").asText();
    JsonNode failed = await(crash, d -> d.get("status").asText().equals("failed"));
    assertThat(failed.at("/versions/0/reason").asText()).contains("status 3");
    assertThat(failed.at("/versions/0/lastLines").toString()).contains("model file missing");
    HttpResponse<String> followed = call("GET", "/api/v1/deployments/" + crash + "/logs?follow=true", Map.of("Authorization", "Bearer " + admin), null);
    assertThat(followed.statusCode()).isEqualTo(200);
    assertThat(followed.body()).as("following the output of an ended version gives all of it and ends").contains("model file missing");

    // A command that never opens its port is stopped and failed after the admin's start timeout.
    ApiIT.assertProblem(Http.send("PUT", platform.url() + "/api/v1/admin/deployment-settings", admin, "{\"startTimeoutSeconds\": 1}"), 400, "invalid-deployment-request");
    assertThat(Http.send("PUT", platform.url() + "/api/v1/admin/deployment-settings", admin, "{\"startTimeoutSeconds\": 5}").status()).isEqualTo(200);
    try {
      String deaf = deploy(projectId, "{\"name\": \"" + ProjectsIT.unique("deaf") + "\", \"command\": \"deaf\"}").get("id").asText();
      JsonNode starting = Http.get(platform.url() + "/api/v1/deployments/" + deaf, admin).json();
      String versionId = starting.at("/versions/0/id").asText();
      long pid = Long.parseLong(workload(versionId).getProperty("pid"));
      JsonNode timedOut = await(deaf, d -> d.get("status").asText().equals("failed"));
      assertThat(timedOut.at("/versions/0/reason").asText()).contains("did not start serving within 5 s");
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("the stalled process is stopped").isFalse();
      assertThat(Http.send("DELETE", platform.url() + "/api/v1/deployments/" + deaf, admin, null).status()).isEqualTo(204);
      assertThat(Files.exists(platform.home().resolve("data/workloads/app-" + versionId))).as("nothing left behind").isFalse();
    } finally {
      Http.send("PUT", platform.url() + "/api/v1/admin/deployment-settings", admin, "{\"startTimeoutSeconds\": 120}");
    }
  }

  @Test
  @Order(5)
  void a_deployment_keeps_serving_across_a_restart_of_wildfly() throws Exception {
    JsonNode project = ProjectsIT.create(admin, ProjectsIT.unique("restart-deploy"), "flask-api");
    String name = ProjectsIT.unique("steady-api");
    String id = deploy(project.get("id").asText(), "{\"name\": \"" + name + "\"}").get("id").asText();
    await(id, running());
    String token = createToken(id);

    long pid = Long.parseLong(Files.readString(platform.home().resolve("run/wildfly.pid")).strip());
    assertThat(new ProcessBuilder("kill", "-KILL", "--", "-" + pid).start().waitFor(30, TimeUnit.SECONDS)).isTrue();
    Thread.sleep(2000);
    Launcher.Result up = platform.launcher(Duration.ofMinutes(5), "up");
    assertThat(up.exitCode()).as(up.output()).isZero();
    admin = adminToken();

    assertThat(Http.get(platform.url() + "/api/v1/deployments/" + id, admin).json().get("status").asText()).isEqualTo("running");
    HttpResponse<String> answered = call("GET", "/apps/" + name + "/", bearer(token), null);
    assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
  }
}
