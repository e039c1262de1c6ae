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

/** {@code tessera deployments} against a stub site. */
class DeploymentsCommandTest {

    @TempDir
    Path configDir;

    private final FakeSite site = new FakeSite();
    private final FakeTime time = new FakeTime();
    private CliRunner cli;

    private static final String RUNNING = "{\"id\":\"d1\",\"name\":\"sales-api\",\"status\":\"running\",\"url\":\"/apps/sales-api/\",\"public\":false,"
            + "\"project\":\"ada/sales\",\"command\":\"default\",\"resourceProfile\":\"default\",\"owner\":\"ada\",\"shares\":[],"
            + "\"versions\":[{\"id\":\"v1id\",\"label\":\"v1\",\"weight\":90,\"group\":null,\"status\":\"running\",\"requests\":12,\"reason\":null,\"lastLines\":[]},"
            + "{\"id\":\"v2id\",\"label\":\"v2\",\"weight\":10,\"group\":null,\"status\":\"running\",\"requests\":3,\"reason\":null,\"lastLines\":[]}]}";

    @BeforeEach
    void signIn() {
        cli = site.signedIn(configDir, time, "ada");
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void createWaitsUntilItServesAndPrintsTheUrl() {
        site.server.replies("/api/v1/projects/p1/deployments", Reply.json(201, RUNNING.replace("running", "starting")));
        site.server.replies("/api/v1/deployments/d1", Reply.json(200, RUNNING));

        Result result = cli.run("deployments", "create", "p1", "sales-api", "--revision", "v1", "--static-url", "sales", "--wait");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("sales-api (d1) running at " + site.url() + "/apps/sales-api/", "v1", "90%");
        String body = site.server.requests("/api/v1/projects/p1/deployments").get(0).body();
        assertThat(body).contains("\"name\" : \"sales-api\"", "\"revision\" : \"v1\"", "\"staticUrl\" : \"sales\"", "\"public\" : false");
    }

    @Test
    void variablesAreSentAtCreateAndReplacedOrClearedAtRedeploy() {
        site.server.replies("/api/v1/projects/p1/deployments", Reply.json(201, RUNNING));
        site.server.replies("/api/v1/deployments/d1/redeploy", Reply.json(200, RUNNING.replace("\"shares\"", "\"variables\":{\"GREETING\":\"Hej\"},\"shares\"")));

        Result created = cli.run("deployments", "create", "p1", "sales-api", "--env", "GREETING=Bonjour", "--env", "MODEL=v2=final");
        Result redeployed = cli.run("deployments", "redeploy", "d1", "v2", "--env", "GREETING=Hej");
        Result cleared = cli.run("deployments", "redeploy", "d1", "--clear-env");
        Result both = cli.run("deployments", "redeploy", "d1", "--clear-env", "--env", "A=b");

        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(site.server.requests("/api/v1/projects/p1/deployments").get(0).body())
            .contains("\"variables\" : {", "\"GREETING\" : \"Bonjour\"", "\"MODEL\" : \"v2=final\"");
        assertThat(redeployed.exitCode()).as(redeployed.err()).isZero();
        assertThat(redeployed.out()).contains("variable GREETING=Hej");
        assertThat(site.server.requests("/api/v1/deployments/d1/redeploy").get(0).body()).contains("\"GREETING\" : \"Hej\"");
        assertThat(cleared.exitCode()).as(cleared.err()).isZero();
        assertThat(site.server.requests("/api/v1/deployments/d1/redeploy").get(1).body()).contains("\"variables\" : { }");
        assertThat(both.exitCode()).isNotZero();
        assertThat(both.err()).contains("--env or --clear-env");
    }

    @Test
    void aFailedDeploymentShowsItsLastLinesAndFails() {
        site.server.replies("/api/v1/projects/p1/deployments", Reply.json(201, "{\"id\":\"d2\",\"name\":\"broken\",\"status\":\"failed\",\"url\":\"/apps/broken/\","
                + "\"versions\":[{\"id\":\"x\",\"label\":\"main\",\"weight\":100,\"status\":\"failed\",\"reason\":\"the process exited with status 3\",\"lastLines\":[\"model file missing\"]}]}"));

        Result result = cli.run("deployments", "create", "p1", "broken");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.out()).contains("status 3", "| model file missing");
        assertThat(result.err()).contains("tessera deployments logs d2");
    }

    @Test
    void splitSendsWeightsAndGroups() {
        site.server.replies("/api/v1/deployments/d1/split", Reply.json(200, RUNNING));

        Result result = cli.run("deployments", "split", "d1", "v1=90", "v2=10", "beta@testers");

        assertThat(result.exitCode()).as(result.err()).isZero();
        String body = site.server.requests("/api/v1/deployments/d1/split").get(0).body();
        assertThat(body).contains("\"version\" : \"v1\"", "\"weight\" : 90", "\"group\" : \"testers\"");
        assertThat(cli.run("deployments", "split", "d1", "v1:90").err()).contains("LABEL=WEIGHT");
    }

    @Test
    void tokensAreCreatedOnceListedAndRevoked() {
        site.server.replies("/api/v1/deployments/d1/tokens", Reply.json(201, "{\"id\":\"t1\",\"token\":\"tsd_t1_secret\",\"expiresAt\":\"2026-12-25T00:00:00Z\"}"),
                Reply.json(200, "[{\"id\":\"t1\",\"createdBy\":\"ada\",\"createdAt\":\"2026-11-25T00:00:00Z\",\"expiresAt\":\"2026-12-25T00:00:00Z\",\"revokedAt\":null}]"));
        site.server.replies("/api/v1/deployments/d1", Reply.json(200, RUNNING));
        site.server.replies("/api/v1/deployments/d1/tokens/t1", Reply.json(204, ""));

        Result created = cli.run("deployments", "tokens", "d1", "--create", "--days", "7");
        assertThat(created.out()).contains("tsd_t1_secret", "Authorization: Bearer $TOKEN", "/apps/sales-api/");
        assertThat(site.server.requests("/api/v1/deployments/d1/tokens").get(0).body()).contains("\"expiresInDays\" : 7");
        assertThat(cli.run("deployments", "tokens", "d1").out()).contains("t1", "live");
        assertThat(cli.run("deployments", "tokens", "d1", "--revoke", "t1").out()).contains("Revoked token t1.");
    }

    @Test
    void shareListAndTerminate() {
        site.server.replies("/api/v1/deployments/d1/shares", Reply.json(200, RUNNING));
        site.server.replies("/api/v1/deployments", Reply.json(200, "[" + RUNNING + "]"));
        site.server.replies("/api/v1/deployments/d1", Reply.json(204, ""));

        assertThat(cli.run("deployments", "share", "d1", "--group", "analysts").out()).contains("Shared with group analysts.");
        assertThat(site.server.requests("/api/v1/deployments/d1/shares").get(0).body()).contains("\"kind\" : \"group\"");
        assertThat(cli.run("deployments", "list").out()).contains("d1", "sales-api", "private", "/apps/sales-api/");
        assertThat(cli.run("deployments", "terminate", "d1").out()).contains("Terminated deployment d1.");
        assertThat(site.server.requests("/api/v1/deployments/d1").get(0).method()).isEqualTo("DELETE");
    }
}
