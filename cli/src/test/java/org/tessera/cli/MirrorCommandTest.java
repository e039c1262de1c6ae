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

/** {@code tessera mirror} and {@code tessera channels export|import} against a stub site. */
class MirrorCommandTest {

    @TempDir
    Path configDir;

    @TempDir
    Path work;

    private final FakeSite site = new FakeSite();
    private final FakeTime time = new FakeTime();
    private CliRunner cli;

    private static String run(String status, int done, int failed, String results) {
        return "{\"id\":\"m1\",\"type\":\"conda\",\"destChannel\":\"main\",\"owner\":\"ada\",\"status\":\"" + status + "\",\"clean\":true,"
                + "\"progress\":{\"total\":3,\"done\":" + done + ",\"skipped\":0,\"failed\":" + failed + ",\"removed\":0},\"message\":null,\"results\":" + results + "}";
    }

    @BeforeEach
    void signIn() {
        cli = site.signedIn(configDir, time, "ada");
        MirrorCommand.pollMillis = 1;
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void condaSendsTheYamlAsGivenWithCleanAndFollowsUntilDone() throws Exception {
        Path yaml = Files.writeString(work.resolve("main.yaml"), "dest_channel: main\nchannels:\n  - https://repo.anaconda.com/pkgs/main\n");
        site.server.replies("/api/v1/mirrors", Reply.json(202, run("queued", 0, 0, "[]")));
        site.server.replies("/api/v1/mirrors/m1", Reply.json(200, run("running", 1, 0, "[]")), Reply.json(200, run("succeeded", 3, 0, "[]")));

        Result result = cli.run("mirror", "conda", "--config", yaml.toString(), "-c");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Mirror run m1 started", "running: 1 published", "succeeded: 3 published");
        String body = site.server.requests("/api/v1/mirrors").get(0).body();
        assertThat(body).contains("\"type\" : \"conda\"", "\"clean\" : true", "dest_channel: main\\nchannels:");
    }

    @Test
    void aFailedRunListsItsFailedFilesAndExitsNonZero() throws Exception {
        Path yaml = Files.writeString(work.resolve("pypi.yaml"), "whitelist:\n  - six\n");
        site.server.replies("/api/v1/mirrors", Reply.json(202, run("queued", 0, 0, "[]")));
        site.server.replies("/api/v1/mirrors/m1", Reply.json(200, run("failed", 2, 1,
                "[{\"name\":\"six\",\"file\":\"six/six-1.0-py3-none-any.whl\",\"outcome\":\"failed\",\"message\":\"SHA-256 differs\"}]")));

        Result result = cli.run("mirror", "pypi", "--config", yaml.toString());

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.out()).contains("failed  six/six-1.0-py3-none-any.whl: SHA-256 differs");
        assertThat(result.err()).contains("tessera mirror show m1 --logs");
    }

    @Test
    void noWaitReturnsAtOnceAndAMissingFileSaysSo() throws Exception {
        Path yaml = Files.writeString(work.resolve("m.yaml"), "channels: [file:///srv/mirror/pkgs]\n");
        site.server.replies("/api/v1/mirrors", Reply.json(202, run("queued", 0, 0, "[]")));

        assertThat(cli.run("mirror", "conda", "--config", yaml.toString(), "--no-wait").out()).contains("tessera mirror show m1");
        assertThat(site.server.requests("/api/v1/mirrors/m1")).isEmpty();
        Result missing = cli.run("mirror", "conda", "--config", work.resolve("nope.yaml").toString());
        assertThat(missing.exitCode()).isNotZero();
        assertThat(missing.err()).contains("no such file");
    }

    @Test
    void aConfigProblemShowsTheServersLineAndColumn() throws Exception {
        Path yaml = Files.writeString(work.resolve("bad.yaml"), "pkg_list: [a]\nblacklist: [b]\n");
        site.server.replies("/api/v1/mirrors", Reply.problem(400, "{\"type\":\"urn:tessera:problem:invalid-mirror-config\",\"title\":\"Invalid mirror configuration\","
                + "\"status\":400,\"detail\":\"The mirror configuration is not valid: pkg_list cannot be combined with blacklist (line 2, column 1).\"}"));

        Result result = cli.run("mirror", "conda", "--config", yaml.toString());

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("pkg_list cannot be combined with blacklist (line 2, column 1)");
    }

    @Test
    void listShowAndCancel() {
        site.server.replies("/api/v1/mirrors", Reply.json(200, "[" + run("running", 1, 0, "[]") + "]"));
        site.server.replies("/api/v1/mirrors/m1", Reply.json(200, run("running", 1, 0,
                "[{\"name\":\"zlib\",\"file\":\"linux-64/zlib-1.3-h0_0.conda\",\"outcome\":\"published\",\"message\":\"10 bytes\"}]")));
        site.server.replies("/api/v1/mirrors/m1/cancel", Reply.json(200, run("running", 1, 0, "[]")));

        assertThat(cli.run("mirror", "list").out()).contains("m1", "main", "running", "1/3");
        assertThat(cli.run("mirror", "show", "m1").out()).contains("published linux-64/zlib-1.3-h0_0.conda");
        assertThat(cli.run("mirror", "cancel", "m1").out()).contains("cancelling");
        assertThat(site.server.requests("/api/v1/mirrors/m1/cancel")).hasSize(1);
    }

    @Test
    void exportDownloadsTheArchiveAndImportPostsIt() throws Exception {
        site.server.on("/api/v1/channels/main/export", request -> new Reply(200, "application/x-tar", "TARBYTES"));
        site.server.replies("/api/v1/channels/import", Reply.json(201, "{\"channel\":\"copy\",\"type\":\"conda\",\"created\":true,"
                + "\"published\":[\"noarch/a-1-0.conda\"],\"skipped\":[\"noarch/b-1-0.conda\"]}"));
        Path archive = work.resolve("main.tar");

        site.server.on("/api/v1/mirrors/m1/export", request -> new Reply(200, "application/x-tar", "SELECTION"));
        Result selection = cli.run("mirror", "export", "m1", "-o", work.resolve("m1.tar").toString());
        assertThat(selection.exitCode()).as(selection.err()).isZero();
        assertThat(Files.readString(work.resolve("m1.tar"))).isEqualTo("SELECTION");

        Result exported = cli.run("channels", "export", "main", "-o", archive.toString());
        assertThat(exported.exitCode()).as(exported.err()).isZero();
        assertThat(Files.readString(archive)).isEqualTo("TARBYTES");

        Result imported = cli.run("channels", "import", archive.toString(), "--channel", "copy");
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("Created conda channel copy: 1 file(s) published, 1 already there", "skipped noarch/b-1-0.conda");
        assertThat(site.server.requests("/api/v1/channels/import").get(0).query()).contains("channel=copy");
        assertThat(site.server.requests("/api/v1/channels/import").get(0).body()).isEqualTo("TARBYTES");
    }
}
