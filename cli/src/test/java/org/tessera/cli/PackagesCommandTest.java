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

/** {@code tessera packages} against a stub site. */
class PackagesCommandTest {

    @TempDir
    Path configDir;

    @TempDir
    Path work;

    private final FakeSite site = new FakeSite();
    private final FakeTime time = new FakeTime();
    private CliRunner cli;

    private static final String FILES = "/api/v1/channels/main/files";
    private static final String PUBLISHED = "{\"channel\":\"main\",\"subdir\":\"noarch\",\"filename\":\"tiny-1.0-0.tar.bz2\",\"name\":\"tiny\",\"version\":\"1.0\","
            + "\"size\":5,\"sha256\":\"abc123\"}";

    @BeforeEach
    void signIn() {
        cli = site.signedIn(configDir, time, "ada");
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void uploadSendsTheFileAsTheMultipartFieldFileWithItsName() throws Exception {
        Path file = Files.writeString(work.resolve("tiny-1.0-0.tar.bz2"), "BZh91");
        site.server.replies(FILES, Reply.json(201, PUBLISHED));

        Result result = cli.run("packages", "upload", "--channel", "main", file.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Uploaded tiny-1.0-0.tar.bz2: tiny 1.0 (noarch) sha256 abc123");
        var request = site.server.requests(FILES).get(0);
        assertThat(request.header("Content-Type")).startsWith("multipart/form-data; boundary=");
        assertThat(request.body()).contains("Content-Disposition: form-data; name=\"file\"; filename=\"tiny-1.0-0.tar.bz2\"", "\r\n\r\nBZh91\r\n--");
        assertThat(request.header("Authorization")).isEqualTo("Bearer access-1");
    }

    @Test
    void aRefusedUploadShowsTheProblemsDetail() throws Exception {
        Path file = Files.writeString(work.resolve("tiny-2.0-0.tar.bz2"), "not an archive");
        site.server.replies(FILES, Reply.problem(422, "{\"type\":\"urn:tessera:problem:package-rejected\",\"title\":\"Package rejected\",\"status\":422,"
                + "\"detail\":\"tiny-2.0-0.tar.bz2 is not a readable conda package: build it with conda build or cph create.\"}"));

        Result result = cli.run("packages", "upload", "-c", "main", file.toString());

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("is not a readable conda package");
    }

    @Test
    void withSeveralFilesEachIsTriedAndTheRefusedOnesAreNamed() throws Exception {
        Path good = Files.writeString(work.resolve("tiny-1.0-0.tar.bz2"), "BZh91");
        Path missing = work.resolve("gone-1.0-0.tar.bz2");
        site.server.replies(FILES, Reply.json(201, PUBLISHED));

        Result result = cli.run("packages", "upload", "-c", "main", missing.toString(), good.toString());

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.out()).contains("Uploaded tiny-1.0-0.tar.bz2");
        assertThat(result.err()).contains("gone-1.0-0.tar.bz2: Cannot read", "1 of 2 files were not uploaded: gone-1.0-0.tar.bz2");
        assertThat(site.server.requests(FILES)).hasSize(1);
    }

    @Test
    void listShowsPackagesAndOnePackagesFilesWithItsInstallCommand() {
        site.server.replies("/api/v1/channels/main/packages", Reply.json(200,
                "[{\"name\":\"tiny\",\"latestVersion\":\"1.1\",\"versions\":[\"1.1\",\"1.0\"],\"platforms\":[\"noarch\"],\"downloads\":4}]"));
        site.server.replies("/api/v1/channels/main/packages/tiny", Reply.json(200, "{\"channel\":\"main\",\"name\":\"tiny\",\"latestVersion\":\"1.1\","
                + "\"versions\":[\"1.1\"],\"downloads\":4,\"installCommand\":\"conda install -c http://t/repository/conda/main tiny\",\"files\":[" + PUBLISHED + "]}"));

        Result all = cli.run("packages", "list", "--channel", "main");
        Result one = cli.run("packages", "list", "--channel", "main", "tiny");

        assertThat(all.out()).contains("tiny", "1.1", "noarch", "1.1,1.0");
        assertThat(one.out()).contains("install: conda install -c http://t/repository/conda/main tiny", "noarch", "tiny-1.0-0.tar.bz2", "abc123");
    }

    @Test
    void removeDeletesAVersionOrAFile() {
        site.server.replies("/api/v1/channels/main/packages/tiny/versions/1.0", new Reply(204, "application/json", ""));
        site.server.replies("/api/v1/channels/main/files/noarch/tiny-1.0-0.tar.bz2", new Reply(204, "application/json", ""));

        Result version = cli.run("packages", "remove", "--channel", "main", "tiny", "--version", "1.0");
        Result file = cli.run("packages", "remove", "--channel", "main", "tiny", "--file", "noarch/tiny-1.0-0.tar.bz2");

        assertThat(version.exitCode()).as(version.err()).isZero();
        assertThat(version.out()).contains("Removed tiny 1.0 from main.");
        assertThat(site.server.requests("/api/v1/channels/main/packages/tiny/versions/1.0").get(0).method()).isEqualTo("DELETE");
        assertThat(file.out()).contains("Removed noarch/tiny-1.0-0.tar.bz2 from main.");
        assertThat(cli.run("packages", "remove", "--channel", "main", "tiny", "--file", "tiny.tar.bz2").err()).contains("--file is SUBDIR/FILENAME");
    }
}
