package org.tessera.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.cli.CliRunner.Result;
import org.tessera.cli.client.FakeTime;
import org.tessera.cli.client.StubHttpServer.Reply;

/** {@code tessera sessions} against a stub site. */
class SessionsCommandTest {

    @TempDir
    Path configDir;

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
    void startWaitsUntilTheSessionRunsAndPrintsItsUrl() {
        site.server.replies("/api/v1/projects/p1/sessions", Reply.json(201, "{\"id\":\"s1\",\"status\":\"starting\",\"url\":\"/s/s1/\"}"));
        site.server.replies("/api/v1/sessions/s1", Reply.json(200, "{\"id\":\"s1\",\"status\":\"starting\",\"url\":\"/s/s1/\"}"),
                Reply.json(200, "{\"id\":\"s1\",\"status\":\"running\",\"url\":\"/s/s1/\"}"));

        Result result = cli.run("sessions", "start", "p1", "--profile", "large", "--wait");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Session s1 running: " + site.url() + "/s/s1/");
        assertThat(site.server.requests("/api/v1/projects/p1/sessions").get(0).body()).contains("\"resourceProfile\" : \"large\"");
    }

    @Test
    void aFailedStartSaysWhyAndWhereTheLogsAre() {
        site.server.replies("/api/v1/projects/p1/sessions", Reply.json(201,
                "{\"id\":\"s2\",\"status\":\"failed\",\"reason\":\"not enough free GPUs on this host for profile gpu-profile\",\"url\":\"/s/s2/\"}"));

        Result result = cli.run("sessions", "start", "p1");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("not enough free GPUs", "tessera sessions logs s2");
    }

    @Test
    void listStopAndLogs() {
        site.server.replies("/api/v1/sessions", Reply.json(200,
                "[{\"id\":\"s1\",\"project\":\"ada/churn\",\"owner\":\"ada\",\"resourceProfile\":\"default\",\"status\":\"running\",\"reason\":null}]"));
        site.server.replies("/api/v1/sessions/s1", Reply.json(204, ""));
        site.server.replies("/api/v1/sessions/s1/logs", Reply.json(200, "{\"lines\":[\"[I NotebookApp] Serving notebooks\"]}"));

        assertThat(cli.run("sessions", "list").out()).contains("s1", "ada/churn", "running");
        assertThat(cli.run("sessions", "stop", "s1").out()).contains("Stopped session s1.");
        assertThat(site.server.requests("/api/v1/sessions/s1").get(0).method()).isEqualTo("DELETE");
        assertThat(cli.run("sessions", "logs", "s1", "-n", "5").out()).contains("Serving notebooks");
        assertThat(site.server.requests("/api/v1/sessions/s1/logs").get(0).query()).isEqualTo("lines=5");
    }
}
