package org.tessera.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.cli.CliRunner.Result;
import org.tessera.cli.client.FakeTime;
import org.tessera.cli.client.StubHttpServer.Reply;

/** {@code tessera projects upload|share|unshare|tag|download|delete} against a stub site. */
class ProjectsCommandTest {

    @TempDir
    Path configDir;

    @TempDir
    Path files;

    private final FakeSite site = new FakeSite();
    private final FakeTime time = new FakeTime();
    private CliRunner cli;

    @BeforeEach
    void signIn() {
        cli = site.signedIn(configDir, time, "ada");
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void uploadSendsTheArchiveAsTheBodyNamedAfterTheFile() throws Exception {
        Path archive = Files.writeString(files.resolve("churn-model.tar.gz"), "archive bytes");
        site.server.replies("/api/v1/projects/upload", Reply.json(201, "{\"id\":\"p1\",\"name\":\"churn-model\",\"owner\":\"ada\"}"));

        Result result = cli.run("projects", "upload", archive.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        var request = site.server.requests("/api/v1/projects/upload").get(0);
        assertThat(request.query()).isEqualTo("name=churn-model&filename=churn-model.tar.gz");
        assertThat(request.body()).isEqualTo("archive bytes");
        assertThat(result.out()).contains("Created ada/churn-model (id p1)");
    }

    @Test
    void uploadOfAMissingFileSaysSoWithoutCallingTheServer() {
        Result result = cli.run("projects", "upload", files.resolve("nope.zip").toString());

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("nope.zip");
        assertThat(site.server.requests("/api/v1/projects/upload")).isEmpty();
    }

    @Test
    void shareSendsTheUserOrGroupAndTheLevel() {
        site.server.replies("/api/v1/projects/p1/collaborators", Reply.json(200, "[]"));

        assertThat(cli.run("projects", "share", "p1", "--group", "analysts", "--level", "r").exitCode()).isZero();
        assertThat(site.server.requests("/api/v1/projects/p1/collaborators").get(0).body()).contains("\"group\" : \"analysts\"", "\"permission\" : \"r\"");
        assertThat(cli.run("projects", "share", "p1").exitCode()).isNotZero();
    }

    @Test
    void unshareDeletesTheShare() {
        site.server.replies("/api/v1/projects/p1/collaborators/user/bob", Reply.json(204, ""));

        assertThat(cli.run("projects", "unshare", "p1", "--user", "bob").exitCode()).isZero();
        assertThat(site.server.requests("/api/v1/projects/p1/collaborators/user/bob").get(0).method()).isEqualTo("DELETE");
    }

    @Test
    void downloadWritesTheArchiveAndLeavesNothingOnFailure() throws Exception {
        site.server.replies("/api/v1/projects/p1/archive", Reply.json(200, "tar bytes"));
        Path target = files.resolve("v1.tar.gz");

        assertThat(cli.run("projects", "download", "p1", "--revision", "v1", "-o", target.toString()).exitCode()).isZero();
        assertThat(Files.readString(target)).isEqualTo("tar bytes");
        assertThat(site.server.requests("/api/v1/projects/p1/archive").get(0).query()).isEqualTo("format=tar.gz&revision=v1");

        site.server.replies("/api/v1/projects/p2/archive", Reply.problem(400,
                "{\"type\":\"urn:tessera:problem:invalid-revision\",\"status\":400,\"detail\":\"The project has no version 'v9'.\"}"));
        Path missing = files.resolve("v9.tar.gz");
        Result failed = cli.run("projects", "download", "p2", "--revision", "v9", "-o", missing.toString());
        assertThat(failed.exitCode()).isNotZero();
        assertThat(failed.err()).contains("no version 'v9'");
        assertThat(missing).doesNotExist();
        assertThat(files.resolve("v9.tar.gz.part")).doesNotExist();
    }

    @Test
    void deleteNeedsYes() {
        site.server.replies("/api/v1/projects/p1", Reply.json(204, ""));

        Result refused = cli.run("projects", "delete", "p1");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).contains("--yes");
        assertThat(site.server.requests("/api/v1/projects/p1")).isEmpty();

        assertThat(cli.run("projects", "delete", "p1", "--yes").exitCode()).isZero();
        assertThat(site.server.requests("/api/v1/projects/p1").get(0).method()).isEqualTo("DELETE");
    }

    @Test
    void tagPrintsTheTaggedCommit() {
        site.server.replies("/api/v1/projects/p1/tags", Reply.json(201, "{\"name\":\"v1.0\",\"commitId\":\"abc123\"}"));

        Result result = cli.run("projects", "tag", "p1", "v1.0", "-m", "First release");

        assertThat(result.out()).contains("Tagged abc123 as v1.0.");
        assertThat(site.server.requests("/api/v1/projects/p1/tags").get(0).body()).contains("\"message\" : \"First release\"");
    }
}
