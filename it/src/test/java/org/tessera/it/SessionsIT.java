package org.tessera.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Real Jupyter Notebook sessions started by the local runtime, reached only through Tessera's
 * proxy: a kernel executes code over the websocket, a notebook change is committed to the project,
 * strangers are refused, a killed editor is reported failed, a restart of WildFly finds a
 * running session again; administrators see everyone's sessions with their CPU and memory use and
 * stop any; logs are followed as they are written; a restart keeps uncommitted files.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SessionsIT {

  static Platform platform;
  static String admin;

  @BeforeAll
  static void startPlatform() {
    platform = Platform.shared();
    admin = Http.passwordToken(platform.realmUrl(), "tessera-cli", platform.adminUsername(), platform.adminPassword());
  }

  /** Leaves no editor running after the class, whatever failed. */
  @org.junit.jupiter.api.AfterAll
  static void stopEverySession() {
    String token = Http.passwordToken(platform.realmUrl(), "tessera-cli", platform.adminUsername(), platform.adminPassword());
    for (JsonNode session : Http.get(platform.url() + "/api/v1/sessions?all=true", token).json()) {
      if (!isFinal(session)) {
        Http.send("DELETE", platform.url() + "/api/v1/sessions/" + session.get("id").asText(), token, null);
      }
    }
  }

  static JsonNode start(String token, String projectId) {
    Http.Response started = Http.send("POST", platform.url() + "/api/v1/projects/" + projectId + "/sessions", token, "{}");
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    return started.json();
  }

  static JsonNode await(String token, String sessionId, Predicate<JsonNode> condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    JsonNode session = Http.get(platform.url() + "/api/v1/sessions/" + sessionId, token).json();
    // A final status other than the awaited one ends the wait at once.
    while (!condition.test(session) && System.nanoTime() < deadline && !isFinal(session)) {
      Thread.sleep(500);
      session = Http.get(platform.url() + "/api/v1/sessions/" + sessionId, token).json();
    }
    assertThat(condition.test(session)).as("session %s never got there: %s", sessionId, session).isTrue();
    return session;
  }

  static boolean isFinal(JsonNode session) {
    return List.of("failed", "stopped").contains(session.path("status").asText());
  }

  static String proxied(String sessionId, String path) {
    return platform.url() + "/s/" + sessionId + "/" + path;
  }

  @Test
  @Order(1)
  void a_notebook_session_runs_code_over_the_websocket_and_commits_to_the_project() throws Exception {
    JsonNode project = ProjectsIT.create(admin, ProjectsIT.unique("session-demo"), "python-notebook");
    String projectId = project.get("id").asText();
    JsonNode started = start(admin, projectId);
    String id = started.get("id").asText();
    assertThat(started.get("url").asText()).isEqualTo("/s/" + id + "/");
    assertThat(started.get("resourceProfile").asText()).isEqualTo("default");
    JsonNode running = await(admin, id, s -> s.get("status").asText().equals("running"));
    assertThat(running.get("editor").asText()).isEqualTo("notebook");
    assertThat(running.get("memoryBytes").asLong()).as("a running notebook's memory: %s", running).isGreaterThan(20L << 20);
    assertThat(running.get("cpuCores").isNumber()).as(running.toString()).isTrue();
    assertThat(running.get("limits").asText()).isIn("enforced", "advisory");
    // prlimit is what makes limits advisory; a cgroup makes them enforced.
    assertThat(running.get("limitsNote").asText().contains("prlimit")).isEqualTo(running.get("limits").asText().equals("advisory"));

    Http.Response contents = Http.get(proxied(id, "api/contents"), admin);
    assertThat(contents.status()).as(contents.body()).isEqualTo(200);
    assertThat(contents.json().findValuesAsText("name")).contains("analysis.ipynb", "anaconda-project.yml");

    Http.Response kernel = Http.send("POST", proxied(id, "api/kernels"), admin, "{\"name\": \"python3\"}");
    assertThat(kernel.status()).as(kernel.body()).isEqualTo(201);
    String output = execute(id, kernel.json().get("id").asText(), "print(6 * 7)");
    assertThat(output).contains("42");

    Http.Response saved = Http.send("PUT", proxied(id, "api/contents/result.txt"), admin, "{\"type\": \"file\", \"format\": \"text\", \"content\": \"42\\n\"}");
    assertThat(saved.status()).as(saved.body()).isIn(200, 201);
    assertThat(Http.get(platform.url() + "/api/v1/sessions/" + id + "/changes", admin).json().toString()).contains("result.txt").doesNotContain("ipynb_checkpoints");
    Http.Response committed = Http.send("POST", platform.url() + "/api/v1/sessions/" + id + "/commit", admin, "{\"message\": \"Save the answer\", \"tag\": \"v1\"}");
    assertThat(committed.status()).as(committed.body()).isEqualTo(200);
    String commitId = committed.json().get("commitId").asText();
    JsonNode commits = Http.get(platform.url() + "/api/v1/projects/" + projectId + "/commits", admin).json();
    assertThat(commits.get(0).get("id").asText()).isEqualTo(commitId);
    assertThat(commits.get(0).get("message").asText()).isEqualTo("Save the answer");
    assertThat(commits.get(0).get("tags").toString()).contains("v1");
    assertThat(Http.get(platform.url() + "/api/v1/projects/" + projectId + "/files/result.txt", admin).body()).isEqualTo("42\n");
    ApiIT.assertProblem(Http.send("POST", platform.url() + "/api/v1/sessions/" + id + "/commit", admin, "{}"), 400, "invalid-request");

    ApiIT.assertProblem(Http.send("DELETE", platform.url() + "/api/v1/projects/" + projectId, admin, null), 409, "project-in-use");
    assertThat(Http.send("DELETE", platform.url() + "/api/v1/sessions/" + id, admin, null).status()).isEqualTo(204);
    assertThat(Http.get(proxied(id, "api/contents"), admin).status()).isEqualTo(404);
    assertThat(Http.get(platform.url() + "/api/v1/sessions/" + id, admin).json().get("status").asText()).isEqualTo("stopped");
  }

  /** Runs code in a kernel over the Jupyter websocket protocol (through the proxy) and returns what it printed. */
  static String execute(String sessionId, String kernelId, String code) throws Exception {
    String msgId = UUID.randomUUID().toString();
    CompletableFuture<String> printed = new CompletableFuture<>();
    StringBuilder frames = new StringBuilder();
    WebSocket.Listener listener = new WebSocket.Listener() {
      @Override
      public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
        frames.append(data);
        if (last) {
          try {
            JsonNode message = Http.JSON.readTree(frames.toString());
            frames.setLength(0);
            if (msgId.equals(message.at("/parent_header/msg_id").asText()) && "stream".equals(message.at("/header/msg_type").asText())) {
              printed.complete(message.at("/content/text").asText());
            }
          } catch (Exception e) {
            printed.completeExceptionally(e);
          }
        }
        socket.request(1);
        return null;
      }
    };
    URI uri = URI.create(proxied(sessionId, "api/kernels/" + kernelId + "/channels").replace("http://", "ws://"));
    WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().header("Authorization", "Bearer " + admin).buildAsync(uri, listener).get(30, TimeUnit.SECONDS);
    String request = Http.JSON.writeValueAsString(java.util.Map.of(
        "header", java.util.Map.of("msg_id", msgId, "username", "it", "session", UUID.randomUUID().toString(), "msg_type", "execute_request", "version", "5.3", "date", java.time.Instant.now().toString()),
        "parent_header", java.util.Map.of(),
        "metadata", java.util.Map.of(),
        "content", java.util.Map.of("code", code, "silent", false, "store_history", false, "user_expressions", java.util.Map.of(), "allow_stdin", false, "stop_on_error", true),
        "channel", "shell",
        "buffers", List.of()));
    socket.sendText(request, true).get(10, TimeUnit.SECONDS);
    try {
      return printed.get(60, TimeUnit.SECONDS);
    } finally {
      socket.abort();
    }
  }

  @Test
  @Order(2)
  void only_the_owner_and_collaborators_get_through_the_proxy() throws Exception {
    JsonNode project = ProjectsIT.create(admin, ProjectsIT.unique("private-session"), "empty");
    String projectId = project.get("id").asText();
    String id = start(admin, projectId).get("id").asText();
    await(admin, id, s -> s.get("status").asText().equals("running"));
    KeycloakAdmin keycloak = new KeycloakAdmin(platform);
    String stranger = Http.passwordToken(platform.realmUrl(), "tessera-cli", "session-stranger", keycloak.ensureUser("session-stranger"));

    Http.Response refused = Http.get(proxied(id, "api/contents"), stranger);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(Http.get(proxied(id, "api/contents"), null).status()).isIn(302, 401);

    Http.send("POST", platform.url() + "/api/v1/projects/" + projectId + "/collaborators", admin, "{\"user\": \"session-stranger\", \"permission\": \"read\"}");
    assertThat(Http.get(proxied(id, "api/contents"), stranger).status()).isEqualTo(200);
    assertThat(Http.send("DELETE", platform.url() + "/api/v1/projects/" + projectId + "/collaborators/user/session-stranger", admin, null).status()).isEqualTo(204);
    assertThat(Http.get(proxied(id, "api/contents"), stranger).status()).as("unsharing takes effect at once").isEqualTo(403);
    Http.send("DELETE", platform.url() + "/api/v1/sessions/" + id, admin, null);
  }

  @Test
  @Order(3)
  void a_killed_editor_marks_the_session_failed_with_its_logs() throws Exception {
    JsonNode project = ProjectsIT.create(admin, ProjectsIT.unique("killed-session"), "empty");
    String id = start(admin, project.get("id").asText()).get("id").asText();
    await(admin, id, s -> s.get("status").asText().equals("running"));

    ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains("/s/" + id + "/")).forEach(ProcessHandle::destroyForcibly);

    JsonNode failed = await(admin, id, s -> s.get("status").asText().equals("failed"));
    assertThat(failed.get("reason").asText()).isNotBlank();
    JsonNode logs = Http.get(platform.url() + "/api/v1/sessions/" + id + "/logs", admin).json();
    assertThat(logs.get("lines").toString()).contains("Jupyter");
  }

  @Test
  @Order(4)
  void a_session_survives_a_restart_of_wildfly() throws Exception {
    JsonNode project = ProjectsIT.create(admin, ProjectsIT.unique("restart-session"), "empty");
    String id = start(admin, project.get("id").asText()).get("id").asText();
    await(admin, id, s -> s.get("status").asText().equals("running"));

    long pid = Long.parseLong(Files.readString(platform.home().resolve("run/wildfly.pid")).strip());
    assertThat(new ProcessBuilder("kill", "-KILL", "--", "-" + pid).start().waitFor(30, TimeUnit.SECONDS)).isTrue();
    Thread.sleep(2000);
    Launcher.Result up = platform.launcher(Duration.ofMinutes(5), "up");
    assertThat(up.exitCode()).as(up.output()).isZero();

    String token = Http.passwordToken(platform.realmUrl(), "tessera-cli", platform.adminUsername(), platform.adminPassword());
    admin = token;
    assertThat(Http.get(platform.url() + "/api/v1/sessions/" + id, token).json().get("status").asText()).isEqualTo("running");
    assertThat(Http.get(proxied(id, "api/contents"), token).status()).isEqualTo(200);
    Http.send("DELETE", platform.url() + "/api/v1/sessions/" + id, token, null);
  }

  @Test
  @Order(5)
  void idle_sessions_are_stopped_after_the_time_the_admin_sets() throws Exception {
    ApiIT.assertProblem(Http.send("PUT", platform.url() + "/api/v1/admin/session-settings", admin, "{\"idleMinutes\": -1}"), 400, "invalid-request");
    JsonNode project = ProjectsIT.create(admin, ProjectsIT.unique("idle-session"), "empty");
    String id = start(admin, project.get("id").asText()).get("id").asText();
    await(admin, id, s -> s.get("status").asText().equals("running"));
    try {
      assertThat(Http.send("PUT", platform.url() + "/api/v1/admin/session-settings", admin, "{\"idleMinutes\": 1}").json().get("idleMinutes").asInt()).isEqualTo(1);
      // The reaper runs every minute; Jupyter's last activity must be over a minute old.
      JsonNode stopped = awaitLong(admin, id, s -> s.get("status").asText().equals("stopped"));
      assertThat(stopped.get("status").asText()).isEqualTo("stopped");
      JsonNode idle = Http.get(platform.url() + "/api/v1/audit?action=sessions.stopped-idle", admin).json();
      assertThat(idle.at("/events/0/target").asText()).contains(id);
    } finally {
      Http.send("PUT", platform.url() + "/api/v1/admin/session-settings", admin, "{\"idleMinutes\": 0}");
    }
  }

  @Test
  @Order(6)
  void administrators_list_everyones_sessions_with_their_use_and_stop_any() throws Exception {
    KeycloakAdmin keycloak = new KeycloakAdmin(platform);
    String owner = Http.passwordToken(platform.realmUrl(), "tessera-cli", "session-owner", keycloak.ensureUserWithRoles("session-owner", List.of("ae-creator")));
    JsonNode project = ProjectsIT.create(owner, ProjectsIT.unique("owned-session"), "empty");
    String id = start(owner, project.get("id").asText()).get("id").asText();
    await(owner, id, s -> s.get("status").asText().equals("running"));

    assertThat(Http.get(platform.url() + "/api/v1/sessions?all=true", owner).json()).as("others only see their own")
        .allSatisfy(s -> assertThat(s.get("owner").asText()).isEqualTo("session-owner"));
    JsonNode listed = null;
    for (JsonNode s : Http.get(platform.url() + "/api/v1/sessions?all=true", admin).json()) {
      if (s.get("id").asText().equals(id)) {
        listed = s;
      }
    }
    assertThat(listed).as("the admin's list has the user's session").isNotNull();
    assertThat(listed.get("owner").asText()).isEqualTo("session-owner");
    assertThat(listed.get("project").asText()).isEqualTo("session-owner/" + project.get("name").asText());
    assertThat(listed.get("resourceProfile").asText()).isEqualTo("default");
    assertThat(listed.get("createdAt").asText()).isNotBlank();
    assertThat(listed.get("memoryBytes").asLong()).isGreaterThan(20L << 20);
    assertThat(listed.get("usageSource").asText()).isIn("/proc", "cgroup");

    assertThat(Http.send("DELETE", platform.url() + "/api/v1/sessions/" + id, admin, null).status()).isEqualTo(204);

    JsonNode stopped = Http.get(platform.url() + "/api/v1/sessions/" + id, owner).json();
    assertThat(stopped.get("status").asText()).isEqualTo("stopped");
    assertThat(stopped.path("memoryBytes").isNumber()).as("no memory use reported once stopped: %s", stopped).isFalse();
    assertThat(stopped.get("usageSource").asText()).startsWith("not reported");
  }

  @Test
  @Order(7)
  void logs_are_followed_as_they_are_written_until_the_session_ends() throws Exception {
    JsonNode project = ProjectsIT.create(admin, ProjectsIT.unique("followed-session"), "empty");
    String id = start(admin, project.get("id").asText()).get("id").asText();
    java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(URI.create(platform.url() + "/api/v1/sessions/" + id + "/logs?follow=true"))
        .header("Authorization", "Bearer " + admin).build();
    java.net.http.HttpResponse<java.util.stream.Stream<String>> response = HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofLines());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    assertThat(response.headers().firstValue("Content-Length")).as("streamed, not buffered").isEmpty();
    java.util.Iterator<String> lines = response.body().iterator();
    CompletableFuture<String> serving = CompletableFuture.supplyAsync(() -> {
      while (lines.hasNext()) {
        String line = lines.next();
        if (line.contains("Jupyter Notebook") && line.contains("is running at")) {
          return line;
        }
      }
      return null;
    });
    assertThat(serving.get(90, TimeUnit.SECONDS)).as("the start-up line arrives while the stream is open").isNotNull();
    await(admin, id, s -> s.get("status").asText().equals("running"));

    CompletableFuture<Boolean> ended = CompletableFuture.supplyAsync(() -> {
      while (lines.hasNext()) {
        lines.next();
      }
      return true;
    });
    assertThat(ended).as("still following while the session runs").isNotDone();
    assertThat(Http.send("DELETE", platform.url() + "/api/v1/sessions/" + id, admin, null).status()).isEqualTo(204);
    assertThat(ended.get(60, TimeUnit.SECONDS)).as("the stream ends with the session").isTrue();

    KeycloakAdmin keycloak = new KeycloakAdmin(platform);
    String stranger = Http.passwordToken(platform.realmUrl(), "tessera-cli", "session-stranger", keycloak.ensureUser("session-stranger"));
    ApiIT.assertProblem(Http.get(platform.url() + "/api/v1/sessions/" + id + "/logs?follow=true", stranger), 404, "session-not-found");
  }

  @Test
  @Order(8)
  void a_restart_starts_the_editor_again_and_keeps_files_not_committed() throws Exception {
    JsonNode project = ProjectsIT.create(admin, ProjectsIT.unique("restarted-session"), "empty");
    String id = start(admin, project.get("id").asText()).get("id").asText();
    await(admin, id, s -> s.get("status").asText().equals("running"));
    Http.Response saved = Http.send("PUT", proxied(id, "api/contents/draft.txt"), admin, "{\"type\": \"file\", \"format\": \"text\", \"content\": \"not committed\\n\"}");
    assertThat(saved.status()).as(saved.body()).isIn(200, 201);

    Http.Response restarted = Http.send("POST", platform.url() + "/api/v1/sessions/" + id + "/restart", admin, null);

    assertThat(restarted.status()).as(restarted.body()).isEqualTo(200);
    assertThat(restarted.json().get("status").asText()).isIn("starting", "running");
    await(admin, id, s -> s.get("status").asText().equals("running"));
    Http.Response draft = Http.get(proxied(id, "api/contents/draft.txt"), admin);
    assertThat(draft.status()).as("the proxy reaches the restarted editor: %s", draft.body()).isEqualTo(200);
    assertThat(draft.json().get("content").asText()).isEqualTo("not committed\n");
    assertThat(Http.get(platform.url() + "/api/v1/sessions/" + id + "/logs?lines=500", admin).json().get("lines").toString()).contains("Tessera: restarted at");
    assertThat(Http.get(platform.url() + "/api/v1/audit?action=sessions.restarted", admin).json().at("/events/0/target").asText()).contains(id);

    Http.send("DELETE", platform.url() + "/api/v1/sessions/" + id, admin, null);
    assertThat(Http.send("POST", platform.url() + "/api/v1/sessions/" + id + "/restart", admin, null).status()).as("a stopped session can be restarted").isEqualTo(200);
    await(admin, id, s -> s.get("status").asText().equals("running"));
    Http.send("DELETE", platform.url() + "/api/v1/sessions/" + id, admin, null);
  }

  static JsonNode awaitLong(String token, String sessionId, Predicate<JsonNode> condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
    JsonNode session = Http.get(platform.url() + "/api/v1/sessions/" + sessionId, token).json();
    while (!condition.test(session) && System.nanoTime() < deadline) {
      Thread.sleep(5000);
      session = Http.get(platform.url() + "/api/v1/sessions/" + sessionId, token).json();
    }
    return session;
  }
}
