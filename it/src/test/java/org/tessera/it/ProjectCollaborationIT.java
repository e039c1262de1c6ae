package org.tessera.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sharing, versions, history, downloads, transfer and deletion of projects, with real git clients
 * for every user involved.
 */
class ProjectCollaborationIT {

  static Platform platform;
  static KeycloakAdmin keycloak;
  static String admin;

  @TempDir Path work;

  @BeforeAll
  static void startPlatform() {
    platform = Platform.shared();
    keycloak = new KeycloakAdmin(platform);
    admin = Http.passwordToken(platform.realmUrl(), "tessera-cli", platform.adminUsername(), platform.adminPassword());
  }

  static String signIn(String username, String password) {
    return Http.passwordToken(platform.realmUrl(), "tessera-cli", username, password);
  }

  static String api(String path) {
    return platform.url() + "/api/v1/projects" + path;
  }

  static List<String> texts(JsonNode array, String field) {
    return StreamSupport.stream(array.spliterator(), false).map(n -> n.get(field).asText()).toList();
  }

  Launcher.Result git(Path dir, String... args) throws Exception {
    return GitClient.run(work, dir, args);
  }

  @Test
  void sharing_with_users_and_groups_decides_who_reads_who_pushes_and_it_shows_in_the_activity() throws Exception {
    JsonNode project = ProjectsIT.create(admin, ProjectsIT.unique("shared"), "empty");
    String id = project.get("id").asText();
    String group = ProjectsIT.unique("it-analysts");
    String reader = signIn("it-reader", keycloak.ensureUser("it-reader"));
    keycloak.ensureUser("it-groupie");
    keycloak.ensureGroupMember("it-groupie", group);
    String groupie = signIn("it-groupie", "it-groupie-Pa55word");

    ApiIT.assertProblem(Http.get(api("/" + id), reader), 404, "project-not-found");
    assertThat(texts(Http.get(api(""), reader).json(), "id")).doesNotContain(id);

    Http.Response shared = Http.send("POST", api("/" + id + "/collaborators"), admin, "{\"user\": \"it-reader\", \"permission\": \"read\"}");
    assertThat(shared.status()).as(shared.body()).isEqualTo(200);
    assertThat(Http.get(api("/" + id), reader).json().get("access").asText()).isEqualTo("read");
    assertThat(texts(Http.get(api(""), reader).json(), "id")).contains(id);

    String readerToken = ProjectsIT.accessToken(reader, ProjectsIT.unique("it-reader"));
    assertThat(git(work, "clone", GitClient.withCredentials(project.get("gitUrl").asText(), "it-reader", readerToken), "reader").exitCode()).isZero();
    Path readerCopy = work.resolve("reader");
    Files.writeString(readerCopy.resolve("notes.md"), "from the reader\n");
    git(readerCopy, "add", "notes.md");
    git(readerCopy, "commit", "-m", "Reader tries to write");
    Launcher.Result refused = git(readerCopy, "push", "origin", "main");
    assertThat(refused.exitCode()).as(refused.output()).isNotZero();
    ApiIT.assertProblem(Http.send("POST", api("/" + id + "/tags"), reader, "{\"name\": \"v9\"}"), 403, "project-access-denied");
    ApiIT.assertProblem(Http.send("POST", api("/" + id + "/collaborators"), reader, "{\"user\": \"it-groupie\"}"), 403, "project-access-denied");

    assertThat(Http.send("POST", api("/" + id + "/collaborators"), admin, "{\"group\": \"" + group + "\", \"permission\": \"write\"}").status()).isEqualTo(200);
    assertThat(Http.get(api("/" + id), groupie).json().get("access").asText()).isEqualTo("write");
    String groupieToken = ProjectsIT.accessToken(groupie, ProjectsIT.unique("it-groupie"));
    assertThat(git(work, "clone", GitClient.withCredentials(project.get("gitUrl").asText(), "it-groupie", groupieToken), "groupie").exitCode()).isZero();
    Path groupieCopy = work.resolve("groupie");
    Files.writeString(groupieCopy.resolve("analysis.py"), "print('from the group')\n");
    git(groupieCopy, "add", "analysis.py");
    git(groupieCopy, "commit", "-m", "Group member adds an analysis");
    Launcher.Result pushed = git(groupieCopy, "push", "origin", "main");
    assertThat(pushed.exitCode()).as(pushed.output()).isZero();

    assertThat(Http.send("DELETE", api("/" + id + "/collaborators/user/it-reader"), admin, null).status()).isEqualTo(204);
    ApiIT.assertProblem(Http.get(api("/" + id), reader), 404, "project-not-found");
    ApiIT.assertProblem(Http.send("DELETE", api("/" + id + "/collaborators/user/it-reader"), admin, null), 404, "share-not-found");
    ApiIT.assertProblem(Http.send("POST", api("/" + id + "/collaborators"), admin, "{\"user\": \"a\", \"group\": \"b\"}"), 400, "invalid-share");
    ApiIT.assertProblem(Http.send("POST", api("/" + id + "/collaborators"), admin, "{\"user\": \"a\", \"permission\": \"admin\"}"), 400, "invalid-share");

    JsonNode activity = Http.get(api("/" + id + "/activity"), groupie).json();
    assertThat(texts(activity.get("events"), "action")).containsSubsequence("projects.unshared", "projects.pushed", "projects.shared", "projects.shared", "projects.created");
    assertThat(Http.get(api("/" + id + "/activity?action=projects.shared"), admin).json().get("total").asInt()).isEqualTo(2);
    assertThat(Http.get(api("/" + id + "/activity?action=projects.unshared"), admin).json().get("total").asInt()).isEqualTo(1);
  }

  @Test
  void versions_history_files_diffs_and_archives_of_any_version() throws Exception {
    String name = ProjectsIT.unique("versions");
    JsonNode project = ProjectsIT.create(admin, name, "flask-api");
    String id = project.get("id").asText();
    String token = ProjectsIT.accessToken(admin, ProjectsIT.unique("it-versions"));
    assertThat(git(work, "clone", GitClient.withCredentials(project.get("gitUrl").asText(), platform.adminUsername(), token), "copy").exitCode()).isZero();
    Path copy = work.resolve("copy");
    String original = Files.readString(copy.resolve("app.py"));
    Files.writeString(copy.resolve("app.py"), original + "\n# tuned for production\n");
    git(copy, "commit", "-am", "Tune for production");
    assertThat(git(copy, "push", "origin", "main").exitCode()).isZero();

    Http.Response tagged = Http.send("POST", api("/" + id + "/tags"), admin, "{\"name\": \"v1.0\", \"message\": \"First release\"}");
    assertThat(tagged.status()).as(tagged.body()).isEqualTo(201);
    ApiIT.assertProblem(Http.send("POST", api("/" + id + "/tags"), admin, "{\"name\": \"v1.0\"}"), 409, "version-exists");
    ApiIT.assertProblem(Http.send("POST", api("/" + id + "/tags"), admin, "{\"name\": \"bad name\"}"), 400, "invalid-revision");
    git(copy, "tag", "v0.9", "HEAD~1");
    assertThat(git(copy, "push", "origin", "v0.9").exitCode()).isZero();
    assertThat(texts(Http.get(api("/" + id + "/tags"), admin).json(), "name")).containsExactlyInAnyOrder("v1.0", "v0.9");

    JsonNode commits = Http.get(api("/" + id + "/commits"), admin).json();
    assertThat(texts(commits, "message")).containsExactly("Tune for production", "Create " + name + " from the flask-api template");
    assertThat(commits.get(0).get("tags").toString()).contains("v1.0");
    assertThat(commits.get(1).get("tags").toString()).contains("v0.9");
    String first = commits.get(1).get("id").asText();

    String diff = Http.get(api("/" + id + "/commits/" + commits.get(0).get("id").asText() + "/diff"), admin).json().get("diff").asText();
    assertThat(diff).contains("app.py", "+# tuned for production");
    assertThat(texts(Http.get(api("/" + id + "/files"), admin).json(), "path")).contains("anaconda-project.yml", "app.py");
    assertThat(Http.get(api("/" + id + "/files/app.py"), admin).body()).contains("tuned for production");
    assertThat(Http.get(api("/" + id + "/files/app.py?revision=" + first), admin).body()).isEqualTo(original);
    ApiIT.assertProblem(Http.get(api("/" + id + "/files/nope.txt"), admin), 400, "invalid-request");

    int[] status = new int[1];
    byte[] zip = Http.getBytes(api("/" + id + "/archive?revision=v0.9&format=zip"), admin, status);
    assertThat(status[0]).isEqualTo(200);
    List<String> entries = new ArrayList<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
        entries.add(entry.getName());
        if (entry.getName().endsWith("/app.py")) {
          assertThat(new String(in.readAllBytes())).isEqualTo(original);
        }
      }
    }
    assertThat(entries).contains(name + "/app.py", name + "/anaconda-project.yml");
    byte[] tarGz = Http.getBytes(api("/" + id + "/archive?revision=v1.0"), admin, status);
    assertThat(status[0]).isEqualTo(200);
    Files.write(work.resolve("v1.tar.gz"), tarGz);
    Process tar = new ProcessBuilder("tar", "-xzf", "v1.tar.gz").directory(work.toFile()).redirectErrorStream(true).start();
    assertThat(tar.waitFor()).isZero();
    assertThat(Files.readString(work.resolve(name + "/app.py"))).contains("tuned for production");
    ApiIT.assertProblem(Http.get(api("/" + id + "/archive?revision=no-such-version"), admin), 400, "invalid-revision");
    ApiIT.assertProblem(Http.get(api("/" + id + "/archive?format=rar"), admin), 400, "invalid-revision");
  }

  @Test
  void the_owner_transfers_a_project_and_only_a_manager_deletes_it_with_its_repository() throws Exception {
    String owner = signIn("it-owner", keycloak.ensureUserWithRoles("it-owner", List.of("ae-creator")));
    String heir = signIn("it-heir", keycloak.ensureUser("it-heir"));
    String name = ProjectsIT.unique("handover");
    JsonNode project = ProjectsIT.create(owner, name, "empty");
    String id = project.get("id").asText();

    ApiIT.assertProblem(Http.send("POST", api("/" + id + "/transfer"), heir, "{\"owner\": \"it-heir\"}"), 404, "project-not-found");
    Http.Response transferred = Http.send("POST", api("/" + id + "/transfer"), owner, "{\"owner\": \"it-heir\"}");
    assertThat(transferred.status()).as(transferred.body()).isEqualTo(200);
    assertThat(transferred.json().get("owner").asText()).isEqualTo("it-heir");
    assertThat(transferred.json().get("gitUrl").asText()).endsWith("/git/it-heir/" + name + ".git");
    assertThat(Http.get(api("/" + id), owner).json().get("access").asText()).isEqualTo("write");
    assertThat(Http.get(api("/" + id), heir).json().get("access").asText()).isEqualTo("manage");

    ApiIT.assertProblem(Http.send("DELETE", api("/" + id), owner, null), 403, "project-access-denied");
    assertThat(platform.home().resolve("data/git/" + id + ".git")).isDirectory();
    assertThat(Http.send("DELETE", api("/" + id), heir, null).status()).isEqualTo(204);
    ApiIT.assertProblem(Http.get(api("/" + id), heir), 404, "project-not-found");
    assertThat(platform.home().resolve("data/git/" + id + ".git")).doesNotExist();
    JsonNode deleted = Http.get(platform.url() + "/api/v1/audit?action=projects.deleted", admin).json();
    assertThat(deleted.at("/events/0/target").asText()).contains(id);
  }
}
