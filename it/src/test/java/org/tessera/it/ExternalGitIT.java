package org.tessera.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mirroring projects to an external git service: a second git server started here ({@code git
 * http-backend} behind a small Python server with basic authentication, per-user access to
 * repositories and push-to-create, like Gitea), configured over the API, then pushes, pulls,
 * migration and wrong credentials with the real {@code git} client. Projects are pushed and pulled
 * with their owner's own personal access token; the administrator's service account only migrates.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExternalGitIT {

  private static final String USER = "mirror";
  private static final String TOKEN = "right-token";
  private static final String ORG = "tessera";
  /** The platform administrator's own account on the external service. */
  private static final String ADMIN_GIT_USER = "admin-git";
  private static final String ADMIN_GIT_TOKEN = "admin-git-token";

  static Platform platform;
  static String admin;
  static Process server;
  static int port;
  static Path root;
  static Path access;

  @TempDir Path work;

  @BeforeAll
  static void startPlatformAndExternalServer() throws Exception {
    platform = Platform.shared();
    admin = Http.passwordToken(platform.realmUrl(), "tessera-cli", platform.adminUsername(), platform.adminPassword());
    root = Files.createTempDirectory(Launcher.IT_DIR, "external-git-");
    try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    Path script = Path.of(ExternalGitIT.class.getResource("/external-git-server.py").toURI());
    access = root.resolveSibling(root.getFileName() + ".access");
    grantAccess(ADMIN_GIT_USER, ADMIN_GIT_TOKEN, ORG + "/" + platform.adminUsername() + "-");
    server = new ProcessBuilder("/usr/bin/python3", script.toString(), Integer.toString(port), root.toString(), USER, TOKEN, access.toString())
        .redirectErrorStream(true).redirectOutput(root.resolveSibling(root.getFileName() + ".log").toFile()).start();
    waitFor("the external git server on port " + port, Duration.ofSeconds(20), () -> {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return true;
      } catch (IOException e) {
        return false;
      }
    });
    setOwnCredential(admin, ADMIN_GIT_USER, ADMIN_GIT_TOKEN);
  }

  /** Gives an account of the external service access to the repositories whose path starts with {@code prefix}. */
  static void grantAccess(String user, String token, String prefix) throws IOException {
    Files.writeString(access, user + ":" + token + ":" + prefix + "\n", java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
  }

  static void setOwnCredential(String bearer, String gitUser, String token) {
    Http.Response saved = Http.send("PUT", platform.url() + "/api/v1/me/external-git-credential", bearer,
        "{\"username\": \"" + gitUser + "\", \"token\": \"" + token + "\"}");
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
  }

  /** The external service's record of which account made which requests. */
  static String accessLog() throws IOException {
    Path log = Path.of(access + ".log");
    return Files.exists(log) ? Files.readString(log) : "";
  }

  @AfterAll
  static void stopExternalServer() {
    if (admin != null) {
      Http.send("DELETE", platform.url() + "/api/v1/admin/external-git", admin, null);
    }
    if (server != null) {
      server.destroy();
    }
  }

  static void waitFor(String what, Duration timeout, BooleanSupplier condition) {
    Instant end = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(end)) {
        throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for " + what);
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  static String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  static String settings(String token) {
    return "{\"type\": \"generic\", \"url\": \"" + baseUrl() + "\", \"organization\": \"" + ORG + "\", \"username\": \"" + USER + "\""
        + (token == null ? "" : ", \"authToken\": \"" + token + "\"") + "}";
  }

  static void configure(String token) {
    Http.Response saved = Http.send("PUT", platform.url() + "/api/v1/admin/external-git", admin, settings(token));
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
  }

  /** The external repository's URL with the right credentials. */
  static String externalUrl(JsonNode project) {
    return "http://" + USER + ":" + TOKEN + "@127.0.0.1:" + port + "/" + ORG + "/" + project.get("owner").asText() + "-" + project.get("id").asText() + ".git";
  }

  Launcher.Result git(Path dir, String... args) throws IOException, InterruptedException {
    return GitClient.run(work, dir, args);
  }

  String remoteMain(JsonNode project) {
    try {
      Launcher.Result listed = git(work, "ls-remote", externalUrl(project), "refs/heads/main");
      return listed.exitCode() == 0 && !listed.output().isBlank() ? listed.output().strip().split("\\s+")[0] : "";
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  /** Clones the project from Tessera, commits a file, pushes, and returns the new commit id. */
  String commitToTessera(JsonNode project, String token, String dirName, String file) throws Exception {
    return commitToTessera(project, platform.adminUsername(), token, dirName, file);
  }

  String commitToTessera(JsonNode project, String user, String token, String dirName, String file) throws Exception {
    Path checkout = work.resolve(dirName);
    assertThat(git(work, "clone", GitClient.withCredentials(project.get("gitUrl").asText(), user, token), dirName).exitCode()).isZero();
    Files.writeString(checkout.resolve(file), "written in Tessera\n");
    git(checkout, "add", file);
    assertThat(git(checkout, "commit", "-m", "Add " + file).exitCode()).isZero();
    Launcher.Result push = git(checkout, "push", "origin", "main");
    assertThat(push.exitCode()).as(push.output()).isZero();
    return git(checkout, "rev-parse", "HEAD").output().strip();
  }

  JsonNode external(JsonNode project) {
    return external(project, admin);
  }

  JsonNode external(JsonNode project, String bearer) {
    return Http.get(platform.url() + "/api/v1/projects/" + project.get("id").asText() + "/external", bearer).json();
  }

  @Test
  @Order(1)
  void the_setting_is_validated_field_by_field_and_never_returns_the_token() {
    Http.Response invalid = Http.send("PUT", platform.url() + "/api/v1/admin/external-git", admin,
        "{\"type\": \"generic\", \"url\": \"ftp://nowhere\", \"repository\": \"{owner}\"}");
    ApiIT.assertProblem(invalid, 400, "invalid-external-git");
    assertThat(invalid.json().get("errors")).extracting(e -> e.get("field").asText()).containsExactly("repository", "url");

    configure(TOKEN);
    Http.Response shown = Http.get(platform.url() + "/api/v1/admin/external-git", admin);

    assertThat(shown.body()).doesNotContain(TOKEN);
    assertThat(shown.json().get("authTokenSet").asBoolean()).isTrue();
    assertThat(shown.json().get("repository").asText()).isEqualTo("{owner}-{id}");
    assertThat(shown.json().get("enabled").asBoolean()).isTrue();
  }

  @Test
  @Order(1)
  void users_set_their_own_token_which_is_validated_and_never_shown_again() {
    Http.Response empty = Http.send("PUT", platform.url() + "/api/v1/me/external-git-credential", admin, "{}");
    ApiIT.assertProblem(empty, 400, "invalid-request");
    assertThat(empty.json().get("errors").get(0).get("field").asText()).isEqualTo("username");
    ApiIT.assertProblem(Http.send("PUT", platform.url() + "/api/v1/me/external-git-credential", admin, "{\"username\": \"x\", \"token\": \"two words\"}"), 400, "invalid-request");

    Http.Response shown = Http.get(platform.url() + "/api/v1/me/external-git-credential", admin);

    assertThat(shown.status()).isEqualTo(200);
    assertThat(shown.json().get("set").asBoolean()).isTrue();
    assertThat(shown.json().get("username").asText()).isEqualTo(ADMIN_GIT_USER);
    assertThat(shown.body()).doesNotContain(ADMIN_GIT_TOKEN);
    JsonNode audit = Http.get(platform.url() + "/api/v1/audit?action=external-git.credential-set", admin).json();
    assertThat(audit.toString()).contains(ADMIN_GIT_USER).doesNotContain(ADMIN_GIT_TOKEN);
  }

  @Test
  @Order(2)
  void a_push_to_tessera_is_mirrored_and_a_commit_made_outside_is_pulled_back() throws Exception {
    configure(TOKEN);
    JsonNode project = ProjectsIT.create(admin, ProjectsIT.unique("mirrored"), "empty");
    String token = ProjectsIT.accessToken(admin, ProjectsIT.unique("it-mirror"));

    String commit = commitToTessera(project, token, "tessera", "from-tessera.txt");

    waitFor("commit " + commit + " in the external repository", Duration.ofSeconds(60), () -> commit.equals(remoteMain(project)));
    waitFor("the recorded push", Duration.ofSeconds(20), () -> !external(project).path("lastPushAt").asText("").isEmpty());
    JsonNode status = external(project);
    assertThat(status.get("remoteUrl").asText()).isEqualTo(baseUrl() + "/" + ORG + "/" + project.get("owner").asText() + "-" + project.get("id").asText() + ".git");
    assertThat(status.path("lastError").asText("")).isEmpty();
    assertThat(status.path("credentialProblem").asText("")).as("null or left out").isEmpty();
    String repositoryPath = "/" + ORG + "/" + project.get("owner").asText() + "-" + project.get("id").asText() + ".git/git-receive-pack";
    assertThat(accessLog()).as("pushed with the owner's own account, not the service account")
        .contains(ADMIN_GIT_USER + " POST " + repositoryPath).doesNotContain(USER + " POST " + repositoryPath);

    Path outside = work.resolve("outside");
    assertThat(git(work, "clone", externalUrl(project), "outside").exitCode()).isZero();
    Files.writeString(outside.resolve("from-outside.txt"), "written outside\n");
    git(outside, "add", "from-outside.txt");
    git(outside, "commit", "-m", "Commit made in the external repository");
    assertThat(git(outside, "push", "origin", "main").exitCode()).isZero();

    Http.Response pulled = Http.send("POST", platform.url() + "/api/v1/projects/" + project.get("id").asText() + "/external/pull", admin, null);

    assertThat(pulled.status()).as(pulled.body()).isEqualTo(200);
    assertThat(pulled.json().get("updated").asBoolean()).isTrue();
    assertThat(accessLog()).contains(ADMIN_GIT_USER + " POST /" + ORG + "/" + project.get("owner").asText() + "-" + project.get("id").asText() + ".git/git-upload-pack");
    JsonNode commits = Http.get(platform.url() + "/api/v1/projects/" + project.get("id").asText() + "/commits", admin).json();
    assertThat(commits.get(0).get("message").asText()).contains("Commit made in the external repository");
    JsonNode activity = Http.get(platform.url() + "/api/v1/projects/" + project.get("id").asText() + "/activity?action=projects.pulled", admin).json();
    assertThat(activity.toString()).contains("projects.pulled");
  }

  @Test
  @Order(3)
  void a_pull_that_cannot_fast_forward_is_refused_with_what_to_do() throws Exception {
    configure(TOKEN);
    JsonNode project = ProjectsIT.create(admin, ProjectsIT.unique("diverged"), "empty");
    String token = ProjectsIT.accessToken(admin, ProjectsIT.unique("it-diverged"));
    String first = commitToTessera(project, token, "first", "one.txt");
    waitFor("the first mirror push", Duration.ofSeconds(60), () -> first.equals(remoteMain(project)));
    Path outside = work.resolve("outside");
    git(work, "clone", externalUrl(project), "outside");
    Files.writeString(outside.resolve("outside.txt"), "outside\n");
    git(outside, "add", "outside.txt");
    git(outside, "commit", "-m", "Outside");
    assertThat(git(outside, "push", "origin", "main").exitCode()).isZero();
    commitToTessera(project, token, "second", "two.txt");

    Http.Response refused = Http.send("POST", platform.url() + "/api/v1/projects/" + project.get("id").asText() + "/external/pull", admin, null);

    ApiIT.assertProblem(refused, 409, "pull-refused");
    assertThat(refused.json().get("detail").asText()).contains("diverged", "git pull");
  }

  @Test
  @Order(4)
  void migration_pushes_existing_projects_and_reports_each() throws Exception {
    Http.send("DELETE", platform.url() + "/api/v1/admin/external-git", admin, null);
    ApiIT.assertProblem(Http.send("POST", platform.url() + "/api/v1/admin/external-git/migrate", admin, "{}"), 409, "external-git-not-configured");
    JsonNode project = ProjectsIT.create(admin, ProjectsIT.unique("premigration"), "flask-api");
    configure(TOKEN);

    Http.Response migrated = Http.send("POST", platform.url() + "/api/v1/admin/external-git/migrate", admin, "{}");

    assertThat(migrated.status()).as(migrated.body()).isEqualTo(200);
    JsonNode row = StreamSupport.stream(migrated.json().spliterator(), false)
        .filter(r -> r.get("projectId").asText().equals(project.get("id").asText())).findFirst().orElseThrow();
    assertThat(row.get("status").asText()).as(row.toString()).isEqualTo("migrated");
    assertThat(row.get("owner").asText()).isEqualTo(platform.adminUsername());
    assertThat(row.get("remoteUrl").asText()).endsWith("/" + ORG + "/" + platform.adminUsername() + "-" + project.get("id").asText() + ".git");
    // The diverged project of the test before has commits outside that Tessera lacks: never overwritten.
    assertThat(migrated.json()).filteredOn(r -> r.get("status").asText().equals("failed"))
        .allSatisfy(r -> assertThat(r.get("error").asText()).contains("pull them into the project"));
    assertThat(remoteMain(project)).isNotEmpty();
    Launcher.Result clone = git(work, "clone", externalUrl(project), "migrated");
    assertThat(clone.exitCode()).as(clone.output()).isZero();
    assertThat(work.resolve("migrated/app.py")).exists();
  }

  @Test
  @Order(5)
  void a_wrong_personal_token_is_recorded_as_a_mirror_error_while_the_push_to_tessera_succeeds() throws Exception {
    configure(TOKEN);
    JsonNode project = ProjectsIT.create(admin, ProjectsIT.unique("badcreds"), "empty");
    String token = ProjectsIT.accessToken(admin, ProjectsIT.unique("it-badcreds"));
    setOwnCredential(admin, ADMIN_GIT_USER, "wrong-token");
    try {
      String commit = commitToTessera(project, token, "tessera", "still-pushed.txt");

      JsonNode commits = Http.get(platform.url() + "/api/v1/projects/" + project.get("id").asText() + "/commits", admin).json();
      assertThat(commits.get(0).get("id").asText()).isEqualTo(commit);
      waitFor("the recorded mirror error", Duration.ofSeconds(60), () -> !external(project).path("lastError").asText("").isEmpty());
      assertThat(external(project).get("lastError").asText()).contains("refused the credentials", "personal access token of " + platform.adminUsername(), "External git credentials");
      JsonNode audit = Http.get(platform.url() + "/api/v1/audit?action=projects.mirror-failed", admin).json();
      assertThat(audit.toString()).contains(project.get("id").asText());
      assertThat(remoteMain(project)).isEmpty();
      Http.Response pull = Http.send("POST", platform.url() + "/api/v1/projects/" + project.get("id").asText() + "/external/pull", admin, null);
      ApiIT.assertProblem(pull, 502, "external-git-failed");
      assertThat(pull.json().get("detail").asText()).contains("refused the credentials");

      // Migration is the administrator's work with the service account (as in the seed), so it goes through.
      List<String> migration = StreamSupport.stream(Http.send("POST", platform.url() + "/api/v1/admin/external-git/migrate", admin, "{}").json().spliterator(), false)
          .filter(r -> r.get("projectId").asText().equals(project.get("id").asText())).map(r -> r.get("status").asText() + " " + r.path("error").asText()).toList();
      assertThat(migration).singleElement().asString().startsWith("migrated");
      assertThat(remoteMain(project)).isEqualTo(commit);
    } finally {
      setOwnCredential(admin, ADMIN_GIT_USER, ADMIN_GIT_TOKEN);
    }
  }

  @Test
  @Order(6)
  void an_owner_without_a_personal_token_is_told_on_the_project_and_a_pull_is_refused_clearly() throws Exception {
    configure(TOKEN);
    KeycloakAdmin keycloak = new KeycloakAdmin(platform);
    String user = "git-no-token";
    String bearer = Http.passwordToken(platform.realmUrl(), "tessera-cli", user, keycloak.ensureUserWithRoles(user, List.of("ae-creator")));
    Http.send("DELETE", platform.url() + "/api/v1/me/external-git-credential", bearer, null);
    assertThat(Http.get(platform.url() + "/api/v1/me/external-git-credential", bearer).json().get("set").asBoolean()).isFalse();
    JsonNode project = ProjectsIT.create(bearer, ProjectsIT.unique("notoken"), "empty");
    String token = ProjectsIT.accessToken(bearer, ProjectsIT.unique("it-notoken"));

    commitToTessera(project, user, token, "notoken", "local-only.txt");

    assertThat(external(project, bearer).get("credentialProblem").asText()).contains("owner " + user + " has not added a personal access token", "External git credentials");
    waitFor("the recorded mirror error", Duration.ofSeconds(60), () -> !external(project, bearer).path("lastError").asText("").isEmpty());
    assertThat(external(project, bearer).get("lastError").asText()).contains("has not added a personal access token");
    assertThat(remoteMain(project)).isEmpty();
    Http.Response pull = Http.send("POST", platform.url() + "/api/v1/projects/" + project.get("id").asText() + "/external/pull", bearer, null);
    ApiIT.assertProblem(pull, 409, "external-git-credential-missing");
    assertThat(pull.json().get("detail").asText()).contains("PUT /api/v1/me/external-git-credential", "tessera tokens external set");
  }

  @Test
  @Order(7)
  void a_token_without_access_to_the_repository_on_the_service_is_reported_as_such() throws Exception {
    configure(TOKEN);
    KeycloakAdmin keycloak = new KeycloakAdmin(platform);
    String user = "git-no-access";
    String bearer = Http.passwordToken(platform.realmUrl(), "tessera-cli", user, keycloak.ensureUserWithRoles(user, List.of("ae-creator")));
    // A valid account on the service whose access covers someone else's repositories only.
    grantAccess("no-access-git", "no-access-token", ORG + "/somebody-else-");
    setOwnCredential(bearer, "no-access-git", "no-access-token");
    JsonNode project = ProjectsIT.create(bearer, ProjectsIT.unique("noaccess"), "empty");
    String token = ProjectsIT.accessToken(bearer, ProjectsIT.unique("it-noaccess"));

    commitToTessera(project, user, token, "noaccess", "refused.txt");

    waitFor("the recorded mirror error", Duration.ofSeconds(60), () -> !external(project, bearer).path("lastError").asText("").isEmpty());
    assertThat(external(project, bearer).get("lastError").asText()).contains("refused access", "git user no-access-git", "needs access to that repository");
    assertThat(external(project, bearer).path("credentialProblem").asText("")).as("null or left out").isEmpty();
    assertThat(remoteMain(project)).isEmpty();

    grantAccess("no-access-git", "no-access-token", ORG + "/" + user + "-");
    String next = commitToTessera(project, user, token, "noaccess-again", "granted.txt");
    waitFor("the push once access is granted", Duration.ofSeconds(60), () -> next.equals(remoteMain(project)));
    assertThat(accessLog()).contains("no-access-git POST /" + ORG + "/" + user + "-" + project.get("id").asText() + ".git/git-receive-pack");
  }
}
