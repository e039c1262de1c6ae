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

    @Test
    void listAllShowsAgeCpuMemoryAndLimitsOrADashWhenNotReported() {
        site.server.replies("/api/v1/sessions", Reply.json(200, "["
                + "{\"id\":\"s1\",\"project\":\"ada/churn\",\"owner\":\"ada\",\"resourceProfile\":\"default\",\"status\":\"running\",\"reason\":null,"
                + "\"createdAt\":\"2020-01-01T00:00:00Z\",\"cpuCores\":0.25,\"memoryBytes\":157286400,\"limits\":\"advisory\"},"
                + "{\"id\":\"s2\",\"project\":\"bob/x\",\"owner\":\"bob\",\"resourceProfile\":\"large\",\"status\":\"stopped\",\"reason\":\"stopped\","
                + "\"createdAt\":\"2020-01-01T00:00:00Z\",\"cpuCores\":null,\"memoryBytes\":null,\"limits\":\"enforced\"}]"));

        Result result = cli.run("sessions", "list", "--all");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(site.server.requests("/api/v1/sessions").get(0).query()).isEqualTo("all=true");
        java.util.List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0)).contains("AGE", "CPU", "MEMORY", "LIMITS");
        assertThat(lines.get(1)).contains("s1", "ada", "0.25", "150 MiB", "advisory").containsPattern("\\d+d\\d\\dh");
        assertThat(lines.get(2)).contains("s2", "bob", " - ", "enforced");
    }

    @Test
    void restartPostsAndSaysTheNewStatus() {
        site.server.replies("/api/v1/sessions/s1/restart", Reply.json(200, "{\"id\":\"s1\",\"status\":\"starting\"}"));

        Result result = cli.run("sessions", "restart", "s1");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Restarted session s1: starting.");
        assertThat(site.server.requests("/api/v1/sessions/s1/restart").get(0).method()).isEqualTo("POST");
    }

    @Test
    void logsFollowPrintsTheStreamedTextAndAnUnknownSessionFails() {
        site.server.replies("/api/v1/sessions/s1/logs", new Reply(200, "text/plain; charset=UTF-8", "[I NotebookApp] Serving notebooks\nKernel started\n"));
        site.server.replies("/api/v1/sessions/nope/logs", Reply.problem(404,
                "{\"type\":\"urn:tessera:problem:session-not-found\",\"title\":\"Session not found\",\"status\":404,\"detail\":\"There is no session nope.\"}"));

        Result result = cli.run("sessions", "logs", "-f", "s1");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().lines()).containsExactly("[I NotebookApp] Serving notebooks", "Kernel started");
        assertThat(site.server.requests("/api/v1/sessions/s1/logs").get(0).query()).isEqualTo("follow=true");
        Result unknown = cli.run("sessions", "logs", "--follow", "nope");
        assertThat(unknown.exitCode()).isNotZero();
        assertThat(unknown.err()).contains("There is no session nope.");
    }
}
