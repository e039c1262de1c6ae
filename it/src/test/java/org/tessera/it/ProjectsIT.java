package org.tessera.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Projects over the API and git over HTTP with the real git client and personal access tokens. */
class ProjectsIT {

  static Platform platform;
  static String admin;

  @TempDir Path work;

  @BeforeAll
  static void startPlatform() {
    platform = Platform.shared();
    admin = Http.passwordToken(platform.realmUrl(), "tessera-cli", platform.adminUsername(), platform.adminPassword());
  }

  /** A name not used by earlier runs against the same data directory. */
  static String unique(String base) {
    return base + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
  }

  static JsonNode create(String token, String name, String template) {
    Http.Response created = Http.send("POST", Platform.shared().url() + "/api/v1/projects", token, "{\"name\": \"" + name + "\", \"template\": \"" + template + "\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json();
  }

  static String accessToken(String bearer, String name) {
    Http.Response created = Http.send("POST", Platform.shared().url() + "/api/v1/me/tokens", bearer, "{\"name\": \"" + name + "\", \"expiresInDays\": 1}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("token").asText();
  }

  Launcher.Result git(Path dir, String... args) throws IOException, InterruptedException {
    return GitClient.run(work, dir, args);
  }

  String cloneUrl(JsonNode project, String user, String token) {
    return GitClient.withCredentials(project.get("gitUrl").asText(), user, token);
  }

  @Test
  void a_project_from_a_template_shows_its_commands_packages_and_variables() {
    String name = unique("flask-demo");
    JsonNode project = create(admin, name, "flask-api");

    assertThat(project.get("owner").asText()).isEqualTo(platform.adminUsername());
    assertThat(project.get("gitUrl").asText()).isEqualTo(platform.url() + "/git/" + platform.adminUsername() + "/" + name + ".git");
    JsonNode detail = Http.get(platform.url() + "/api/v1/projects/" + project.get("id").asText(), admin).json();
    assertThat(detail.at("/commands/0/name").asText()).isEqualTo("default");
    assertThat(detail.at("/commands/0/type").asText()).isEqualTo("unix");
    assertThat(detail.at("/commands/0/target").asText()).isEqualTo("python app.py");
    assertThat(detail.get("packages")).extracting(JsonNode::asText).contains("flask");
    assertThat(detail.at("/variables/0/name").asText()).isEqualTo("GREETING");
    assertThat(Http.get(platform.url() + "/api/v1/projects", admin).json()).extracting(p -> p.get("name").asText()).contains(name);
  }

  @Test
  void names_are_checked_unique_per_owner_and_templates_must_exist() {
    String twice = unique("twice");
    create(admin, twice, "empty");

    ApiIT.assertProblem(Http.send("POST", platform.url() + "/api/v1/projects", admin, "{\"name\": \"my project\"}"), 400, "invalid-project-name");
    ApiIT.assertProblem(Http.send("POST", platform.url() + "/api/v1/projects", admin, "{\"name\": \"" + twice + "\"}"), 409, "project-exists");
    ApiIT.assertProblem(Http.send("POST", platform.url() + "/api/v1/projects", admin, "{\"name\": \"x\", \"template\": \"shiny\"}"), 400, "unknown-template");
  }

  @Test
  void a_user_without_the_creators_permission_cannot_create_projects() {
    String norole = new KeycloakAdmin(platform).ensureUserWithRoles("proj-norole", List.of());
    String token = Http.passwordToken(platform.realmUrl(), "tessera-cli", "proj-norole", norole);

    Http.Response refused = Http.send("POST", platform.url() + "/api/v1/projects", token, "{\"name\": \"nope\"}");

    ApiIT.assertProblem(refused, 403, "permission-denied");
    assertThat(refused.json().get("detail").asText()).contains("storage.creators");
  }

  @Test
  void git_clone_commit_and_push_with_a_personal_access_token() throws Exception {
    JsonNode project = create(admin, unique("git-demo"), "python-notebook");
    String token = accessToken(admin, unique("it-git-demo"));

    Launcher.Result clone = git(work, "clone", cloneUrl(project, platform.adminUsername(), token), "clone");
    assertThat(clone.exitCode()).as(clone.output()).isZero();
    Path checkout = work.resolve("clone");
    assertThat(checkout.resolve("analysis.ipynb")).exists();

    String spec = Files.readString(checkout.resolve("anaconda-project.yml"));
    Files.writeString(checkout.resolve("anaconda-project.yml"), spec.replace("variables: {}", "  report:\n    unix: python report.py\nvariables: {}"));
    assertThat(git(checkout, "commit", "-am", "Add a report command").exitCode()).isZero();
    Launcher.Result push = git(checkout, "push", "origin", "main");
    assertThat(push.exitCode()).as(push.output()).isZero();

    JsonNode detail = Http.get(platform.url() + "/api/v1/projects/" + project.get("id").asText(), admin).json();
    assertThat(detail.get("commands")).extracting(c -> c.get("name").asText()).containsExactly("default", "report");
    JsonNode pushed = Http.get(platform.url() + "/api/v1/audit?action=projects.pushed", admin).json();
    assertThat(pushed.at("/events/0/target").asText()).contains(project.get("id").asText());
    assertThat(pushed.at("/events/0/detail").asText()).startsWith("refs/heads/main ");
  }

  @Test
  void git_refuses_wrong_tokens_strangers_history_rewrites_and_oversized_files() throws Exception {
    JsonNode project = create(admin, unique("guarded"), "empty");
    String token = accessToken(admin, unique("it-guarded"));

    Launcher.Result wrongToken = git(work, "clone", cloneUrl(project, platform.adminUsername(), "tsr_wrong"), "wrong");
    assertThat(wrongToken.exitCode()).isNotZero();
    assertThat(wrongToken.output()).containsIgnoringCase("Authentication failed");
    assertThat(work.resolve("wrong")).doesNotExist();

    String strangerPassword = new KeycloakAdmin(platform).ensureUser("stranger");
    String strangerBearer = Http.passwordToken(platform.realmUrl(), "tessera-cli", "stranger", strangerPassword);
    Launcher.Result stranger = git(work, "clone", cloneUrl(project, "stranger", accessToken(strangerBearer, unique("it-stranger"))), "stranger");
    assertThat(stranger.exitCode()).isNotZero();
    assertThat(stranger.output()).containsIgnoringCase("not found");

    assertThat(git(work, "clone", cloneUrl(project, platform.adminUsername(), token), "own").exitCode()).isZero();
    Path own = work.resolve("own");
    Files.writeString(own.resolve("notes.txt"), "rewritten history\n");
    git(own, "add", "notes.txt");
    git(own, "commit", "--amend", "-m", "Rewrite the first commit");
    Launcher.Result force = git(own, "push", "--force", "origin", "main");
    assertThat(force.exitCode()).as(force.output()).isNotZero();
    assertThat(force.output()).containsAnyOf("non-fast-forward", "rejected");

    git(own, "reset", "--hard", "origin/main");
    try (RandomAccessFile big = new RandomAccessFile(own.resolve("big.bin").toFile(), "rw")) {
      byte[] chunk = new byte[1 << 20];
      new java.util.Random(42).nextBytes(chunk);
      for (int i = 0; i < 51; i++) {
        big.write(chunk);
      }
    }
    git(own, "add", "big.bin");
    git(own, "commit", "-m", "Add a 51 MB file");
    Launcher.Result oversized = git(own, "push", "origin", "main");
    assertThat(oversized.exitCode()).as(oversized.output()).isNotZero();
    assertThat(oversized.output()).contains("big.bin is 51 MB", "50 MB file size limit");
  }

  @Test
  void tokens_are_listed_without_secrets_and_a_revoked_one_no_longer_opens_git() throws Exception {
    JsonNode project = create(admin, unique("revoked-demo"), "empty");
    String tokenName = unique("it-revoke");
    Http.Response created = Http.send("POST", platform.url() + "/api/v1/me/tokens", admin, "{\"name\": \"" + tokenName + "\", \"expiresInDays\": 7}");
    assertThat(created.status()).isEqualTo(201);
    String id = created.json().get("id").asText();
    String secret = created.json().get("token").asText();
    assertThat(secret).startsWith("tsr_" + id + "_");

    ApiIT.assertProblem(Http.send("POST", platform.url() + "/api/v1/me/tokens", admin, "{\"name\": \"" + tokenName + "\"}"), 409, "token-exists");
    ApiIT.assertProblem(Http.send("POST", platform.url() + "/api/v1/me/tokens", admin, "{\"name\": \"x\", \"expiresInDays\": 400}"), 400, "invalid-token-request");
    assertThat(git(work, "clone", cloneUrl(project, platform.adminUsername(), secret), "before").exitCode()).isZero();

    Http.Response list = Http.get(platform.url() + "/api/v1/me/tokens", admin);
    assertThat(list.body()).doesNotContain(secret);
    JsonNode listed = java.util.stream.StreamSupport.stream(list.json().spliterator(), false).filter(t -> t.get("id").asText().equals(id)).findFirst().orElseThrow();
    assertThat(listed.get("status").asText()).isEqualTo("live");
    assertThat(listed.get("lastUsedAt").isNull()).isFalse();

    assertThat(Http.send("DELETE", platform.url() + "/api/v1/me/tokens/" + id, admin, null).status()).isEqualTo(204);
    assertThat(Http.send("DELETE", platform.url() + "/api/v1/me/tokens/" + id, admin, null).status()).isEqualTo(204);
    Launcher.Result after = git(work, "clone", cloneUrl(project, platform.adminUsername(), secret), "after");
    assertThat(after.exitCode()).isNotZero();
    assertThat(after.output()).containsIgnoringCase("Authentication failed");
  }

  @Test
  void the_owner_may_allow_history_rewrites_and_the_admin_sets_the_file_size_limit() throws Exception {
    JsonNode project = create(admin, unique("rewritable"), "empty");
    String id = project.get("id").asText();
    String token = accessToken(admin, unique("it-rewrite"));
    assertThat(git(work, "clone", cloneUrl(project, platform.adminUsername(), token), "copy").exitCode()).isZero();
    Path copy = work.resolve("copy");
    Files.writeString(copy.resolve("notes.txt"), "amended\n");
    git(copy, "add", "notes.txt");
    git(copy, "commit", "--amend", "-m", "Amended first commit");
    assertThat(git(copy, "push", "--force", "origin", "main").exitCode()).isNotZero();

    ApiIT.assertProblem(Http.send("PUT", platform.url() + "/api/v1/projects/" + id + "/settings", admin, "{\"allowHistoryRewrite\": \"yes\"}"), 400, "invalid-request");
    Http.Response allowed = Http.send("PUT", platform.url() + "/api/v1/projects/" + id + "/settings", admin, "{\"allowHistoryRewrite\": true}");
    assertThat(allowed.json().get("allowHistoryRewrite").asBoolean()).isTrue();
    Launcher.Result forced = git(copy, "push", "--force", "origin", "main");
    assertThat(forced.exitCode()).as(forced.output()).isZero();
    assertThat(Http.get(platform.url() + "/api/v1/projects/" + id + "/commits", admin).json().get(0).get("message").asText()).isEqualTo("Amended first commit");

    try {
      assertThat(Http.send("PUT", platform.url() + "/api/v1/admin/project-settings", admin, "{\"maxFileMegabytes\": 1}").json().get("maxFileMegabytes").asInt()).isEqualTo(1);
      try (RandomAccessFile big = new RandomAccessFile(copy.resolve("two-mb.bin").toFile(), "rw")) {
        byte[] chunk = new byte[2 << 20];
        new java.util.Random(7).nextBytes(chunk);
        big.write(chunk);
      }
      git(copy, "add", "two-mb.bin");
      git(copy, "commit", "-m", "Add 2 MB");
      Launcher.Result refused = git(copy, "push", "origin", "main");
      assertThat(refused.exitCode()).isNotZero();
      assertThat(refused.output()).contains("two-mb.bin is 2 MB", "1 MB file size limit");
      ApiIT.assertProblem(Http.send("PUT", platform.url() + "/api/v1/admin/project-settings", admin, "{\"maxFileMegabytes\": 0}"), 400, "invalid-request");
    } finally {
      Http.send("PUT", platform.url() + "/api/v1/admin/project-settings", admin, "{\"maxFileMegabytes\": 50}");
    }
  }
}
