package org.tessera.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Creating projects from uploaded archives: real tar (GNU tar) and zip files, good and malicious.
 * Every refusal leaves no project, no repository and no unpacked file behind.
 */
class ProjectUploadIT {

  static Platform platform;
  static String admin;

  @TempDir Path work;

  @BeforeAll
  static void startPlatform() {
    platform = Platform.shared();
    admin = Http.passwordToken(platform.realmUrl(), "tessera-cli", platform.adminUsername(), platform.adminPassword());
  }

  static Http.Response upload(String bearer, String name, String filename, byte[] archive) {
    return Http.sendBytes("POST", platform.url() + "/api/v1/projects/upload?name=" + name + "&filename=" + filename, bearer, archive, "application/octet-stream");
  }

  static byte[] zip(Map<String, String> entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, String> entry : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  /** {@code tar -czf} of a directory prepared by the test, as users make them. */
  byte[] tarGz(Path dir, String... tarOptions) throws Exception {
    Path archive = work.resolve(dir.getFileName() + ".tar.gz");
    List<String> command = new java.util.ArrayList<>(List.of("tar", "-czf", archive.toString()));
    command.addAll(List.of(tarOptions));
    command.addAll(List.of("-C", dir.getParent().toString(), dir.getFileName().toString()));
    Process tar = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(tar.waitFor()).as(output).isZero();
    return Files.readAllBytes(archive);
  }

  static void assertNothingLeftBehind(String name) throws IOException {
    JsonNode mine = Http.get(platform.url() + "/api/v1/projects", admin).json();
    assertThat(mine.findValuesAsText("name")).doesNotContain(name);
    Path uploads = platform.home().resolve("data/uploads");
    if (Files.isDirectory(uploads)) {
      try (Stream<Path> left = Files.list(uploads)) {
        assertThat(left.toList()).as("files left in " + uploads).isEmpty();
      }
    }
  }

  @Test
  void a_tar_gz_made_by_tar_becomes_a_project_with_its_history_and_commands() throws Exception {
    Path dir = Files.createDirectories(work.resolve("churn-model"));
    Files.writeString(dir.resolve("anaconda-project.yml"), "name: churn-model\npackages:\n  - python=3.11\n  - scikit-learn\ncommands:\n  train:\n    unix: python train.py\n");
    Files.writeString(Files.createDirectories(dir.resolve("src")).resolve("train.py"), "print('training')\n");
    String name = ProjectsIT.unique("uploaded");

    Http.Response created = upload(admin, name, "churn-model.tar.gz", tarGz(dir));

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().get("id").asText();
    JsonNode detail = Http.get(platform.url() + "/api/v1/projects/" + id, admin).json();
    assertThat(detail.at("/commands/0/name").asText()).isEqualTo("train");
    assertThat(detail.get("packages").toString()).contains("scikit-learn");
    JsonNode files = Http.get(platform.url() + "/api/v1/projects/" + id + "/files", admin).json();
    assertThat(files.findValuesAsText("path")).containsExactlyInAnyOrder("anaconda-project.yml", "src/train.py");
    JsonNode activity = Http.get(platform.url() + "/api/v1/projects/" + id + "/activity", admin).json();
    assertThat(activity.at("/events/0/action").asText()).isEqualTo("projects.uploaded");
    assertThat(activity.at("/events/0/detail").asText()).contains("2 files from churn-model.tar.gz");
    assertNothingLeftBehind(ProjectsIT.unique("never-used"));
  }

  @Test
  void zip_slip_escaping_symlinks_bad_yaml_and_oversized_files_are_refused_leaving_nothing() throws Exception {
    String slip = ProjectsIT.unique("slip");
    Http.Response slipped = upload(admin, slip, "evil.zip", zip(Map.of("anaconda-project.yml", "name: x\n", "../../evil.sh", "rm -rf /\n")));
    ApiIT.assertProblem(slipped, 422, "archive-rejected");
    assertNothingLeftBehind(slip);
    assertThat(platform.home().resolve("data/evil.sh")).doesNotExist();

    Path linked = Files.createDirectories(work.resolve("linked"));
    Files.writeString(linked.resolve("readme.md"), "hello\n");
    Files.createSymbolicLink(linked.resolve("passwords"), Path.of("/etc/passwd"));
    String link = ProjectsIT.unique("link");
    ApiIT.assertProblem(upload(admin, link, "linked.tar.gz", tarGz(linked)), 422, "archive-rejected");
    assertNothingLeftBehind(link);

    String yaml = ProjectsIT.unique("yaml");
    Http.Response badYaml = upload(admin, yaml, "bad.zip", zip(Map.of("anaconda-project.yml", "name: x\ncommands:\n  run: [unclosed\n")));
    ApiIT.assertProblem(badYaml, 422, "invalid-anaconda-project-yml");
    assertThat(badYaml.body()).contains("anaconda-project.yml:");
    assertNothingLeftBehind(yaml);

    Path big = Files.createDirectories(work.resolve("big"));
    try (RandomAccessFile file = new RandomAccessFile(big.resolve("data.bin").toFile(), "rw")) {
      file.setLength(51L * 1024 * 1024); // zeros: a small archive holding a file over the limit
    }
    String oversized = ProjectsIT.unique("big");
    Http.Response tooBig = upload(admin, oversized, "big.tar.gz", tarGz(big));
    ApiIT.assertProblem(tooBig, 422, "archive-rejected");
    assertThat(tooBig.json().get("detail").asText()).contains("data.bin is 51 MB", "50 MB file size limit");
    assertNothingLeftBehind(oversized);

    ApiIT.assertProblem(upload(admin, ProjectsIT.unique("rar"), "project.rar", new byte[] {1, 2, 3}), 422, "archive-rejected");
    ApiIT.assertProblem(upload(admin, ProjectsIT.unique("empty"), "project.zip", new byte[0]), 422, "archive-rejected");
  }

  @Test
  void names_and_permissions_are_checked_before_the_archive_is_read() throws Exception {
    String name = ProjectsIT.unique("taken");
    ProjectsIT.create(admin, name, "empty");
    byte[] archive = zip(Map.of("anaconda-project.yml", "name: x\n"));

    ApiIT.assertProblem(upload(admin, name, "p.zip", archive), 409, "project-exists");
    ApiIT.assertProblem(upload(admin, "bad%20name", "p.zip", archive), 400, "invalid-project-name");
    String norole = new KeycloakAdmin(platform).ensureUserWithRoles("upload-norole", List.of());
    String token = Http.passwordToken(platform.realmUrl(), "tessera-cli", "upload-norole", norole);
    ApiIT.assertProblem(upload(token, ProjectsIT.unique("x"), "p.zip", archive), 403, "permission-denied");
  }
}
