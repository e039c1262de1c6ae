package org.tessera.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Headless Chromium, driven by playwright-core ({@code it/browser/signin.mjs}), signs in through
 * Keycloak's login page, sees the home page, and signs out of Tessera and Keycloak.
 */
class BrowserSignInIT {

  @org.junit.jupiter.api.io.TempDir java.nio.file.Path work;

  static Platform platform;

  @BeforeAll
  static void startPlatform() {
    platform = Platform.shared();
  }

  @Test
  void sign_in_shows_the_home_page_and_sign_out_ends_the_keycloak_session() throws Exception {
    Path screenshot = Launcher.IT_DIR.resolve("home-page.png");
    Process node =
        new ProcessBuilder("node", "signin.mjs", platform.url() + "/", platform.adminUsername(), platform.adminPassword(), screenshot.toString())
            .directory(Launcher.ROOT.resolve("it/browser").toFile())
            .redirectErrorStream(true)
            .start();
    assertThat(node.waitFor(3, TimeUnit.MINUTES)).as("the browser script finished").isTrue();
    String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(node.exitValue()).as(output).isZero();

    JsonNode seen = Http.JSON.readTree(output.substring(output.lastIndexOf('\n') + 1));
    assertThat(seen.get("loginPage").asText()).startsWith(platform.realmUrl() + "/protocol/openid-connect/auth").contains("code_challenge_method=S256");
    assertThat(seen.get("homePage").asText()).isEqualTo(platform.url() + "/");
    assertThat(seen.get("username").asText()).isEqualTo(platform.adminUsername());
    assertThat(seen.get("roles")).extracting(JsonNode::asText).contains("ae-admin");
    List<String> links = new ArrayList<>();
    List<String> soon = new ArrayList<>();
    seen.get("navigation").forEach(area -> (area.get("link").asBoolean() ? links : soon).add(area.get("name").asText()));
    assertThat(links).containsExactly("Projects", "Sessions", "Deployments", "Channels", "Admin");
    assertThat(soon).containsExactly("Jobs");
    assertThat(seen.get("afterSignOut").asText()).startsWith(platform.realmUrl());
    assertThat(seen.get("signedOutOfKeycloak").asBoolean()).isTrue();
  }

  @Test
  void creating_a_project_from_a_template_shows_its_commands_and_a_token_from_the_page_clones_it() throws Exception {
    String name = ProjectsIT.unique("browser-dashboard");
    Process node =
        new ProcessBuilder("node", "project.mjs", platform.url() + "/", platform.adminUsername(), platform.adminPassword(), name, "dashboard")
            .directory(Launcher.ROOT.resolve("it/browser").toFile())
            .redirectErrorStream(true)
            .start();
    assertThat(node.waitFor(3, TimeUnit.MINUTES)).isTrue();
    String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(node.exitValue()).as(output).isZero();

    JsonNode seen = Http.JSON.readTree(output.substring(output.lastIndexOf('\n') + 1));
    assertThat(seen.get("project").asText()).isEqualTo(name);
    assertThat(seen.get("gitUrl").asText()).contains("/git/" + platform.adminUsername() + "/" + name + ".git");
    assertThat(seen.get("commands")).extracting(JsonNode::asText).containsExactly("default");
    assertThat(seen.get("packages")).extracting(JsonNode::asText).contains("panel", "bokeh");

    String secret = seen.get("token").asText();
    assertThat(secret).startsWith("tsr_");
    assertThat(seen.get("tokenRows").toString()).contains(name + "-token", "live").doesNotContain(secret);
    String cloneUrl = seen.get("gitUrl").asText().replaceFirst("^git clone ", "").replace("http://", "http://" + platform.adminUsername() + ":" + secret + "@");
    ProcessBuilder clone = new ProcessBuilder("git", "clone", "-q", cloneUrl, work.resolve("clone").toString()).redirectErrorStream(true);
    clone.environment().put("GIT_TERMINAL_PROMPT", "0");
    Process git = clone.start();
    git.getOutputStream().close();
    String gitOutput = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(git.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(git.exitValue()).as(gitOutput).isZero();
    assertThat(work.resolve("clone/anaconda-project.yml")).exists();
  }

  @Test
  void the_session_page_shows_the_notebook_tree_through_the_proxy() throws Exception {
    String token = Http.passwordToken(platform.realmUrl(), "tessera-cli", platform.adminUsername(), platform.adminPassword());
    String projectId = ProjectsIT.create(token, ProjectsIT.unique("browser-session"), "python-notebook").get("id").asText();
    Process node =
        new ProcessBuilder("node", "session.mjs", platform.url() + "/", platform.adminUsername(), platform.adminPassword(), projectId)
            .directory(Launcher.ROOT.resolve("it/browser").toFile())
            .redirectErrorStream(true)
            .start();
    assertThat(node.waitFor(4, TimeUnit.MINUTES)).isTrue();
    String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(node.exitValue()).as(output).isZero();

    JsonNode seen = Http.JSON.readTree(output.substring(output.lastIndexOf('\n') + 1));
    assertThat(seen.get("status").asText()).isEqualTo("running");
    assertThat(seen.get("files").toString()).contains("analysis.ipynb", "anaconda-project.yml");
    assertThat(seen.get("limits").asText()).isIn("enforced", "advisory");
    assertThat(seen.get("memory").asText()).matches("\\d+ MiB");
    assertThat(seen.get("restartedStatus").asText()).isEqualTo("running");
    assertThat(seen.at("/listed/memory").asText()).matches("\\d+ MiB");
    assertThat(seen.at("/listed/limits").asText()).isEqualTo(seen.get("limits").asText());
    String sessionId = seen.get("sessionUrl").asText().replaceFirst(".*id=", "");
    Http.send("DELETE", platform.url() + "/api/v1/sessions/" + sessionId, token, null);
  }

  @Test
  void a_project_uploaded_on_the_projects_page_shows_its_files_and_first_diff() throws Exception {
    String name = ProjectsIT.unique("browser-upload");
    java.nio.file.Path zip = work.resolve("upload.zip");
    Files.write(zip, ProjectUploadIT.zip(java.util.Map.of("anaconda-project.yml", "name: uploaded\npackages: [python]\n", "src/model.py", "print('model')\n")));
    Process node =
        new ProcessBuilder("node", "upload.mjs", platform.url() + "/", platform.adminUsername(), platform.adminPassword(), name, zip.toString())
            .directory(Launcher.ROOT.resolve("it/browser").toFile())
            .redirectErrorStream(true)
            .start();
    assertThat(node.waitFor(3, TimeUnit.MINUTES)).isTrue();
    String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(node.exitValue()).as(output).isZero();

    JsonNode seen = Http.JSON.readTree(output.substring(output.lastIndexOf('\n') + 1));
    assertThat(seen.get("project").asText()).isEqualTo(name);
    assertThat(seen.get("files").toString()).contains("anaconda-project.yml", "src/model.py");
    assertThat(seen.get("diff").asText()).contains("src/model.py", "+print('model')");
  }
}
