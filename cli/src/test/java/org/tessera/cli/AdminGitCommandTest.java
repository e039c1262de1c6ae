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

/** {@code tessera admin git show|set|remove|migrate} against a stub site. */
class AdminGitCommandTest {

    private static final String PATH = "/api/v1/admin/external-git";
    private static final String CONFIGURED = "{\"configured\":true,\"type\":\"generic\",\"url\":\"http://git.example\",\"credentialUrl\":null,"
            + "\"repository\":\"{owner}-{id}\",\"organization\":\"acme\",\"username\":\"mirror\",\"authTokenSet\":true,\"enabled\":true}";

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
    void showPrintsTheFieldsAndOnlyWhetherATokenIsStored() {
        site.server.replies(PATH, Reply.json(200, CONFIGURED));

        Result result = cli.run("admin", "git", "show");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("url:           http://git.example", "repository:    {owner}-{id}", "authToken:     (stored)");
    }

    @Test
    void setChangesOnlyTheGivenFieldsAndReadsTheTokenFromStdin() {
        site.server.replies(PATH, Reply.json(200, CONFIGURED));

        Result result = cli.runWithInput("s3cret\n", "admin", "git", "set", "--url", "http://other.example", "--auth-token-stdin", "--enabled", "false");

        assertThat(result.exitCode()).as(result.err()).isZero();
        var put = site.server.requests(PATH).get(1);
        assertThat(put.method()).isEqualTo("PUT");
        assertThat(put.body()).contains("\"url\" : \"http://other.example\"", "\"organization\" : \"acme\"", "\"authToken\" : \"s3cret\"", "\"enabled\" : false");
        assertThat(result.out()).doesNotContain("s3cret").contains("Saved");
    }

    @Test
    void anInvalidSettingShowsTheServersFieldMessageAndFails() {
        site.server.replies(PATH, Reply.json(200, "{\"configured\":false,\"repository\":\"{owner}-{id}\",\"enabled\":false}"),
                Reply.problem(400, "{\"type\":\"urn:tessera:problem:invalid-external-git\",\"title\":\"Invalid external git setting\",\"status\":400,"
                        + "\"detail\":\"The external git setting was not saved: Choose a type: generic, github-v3-api, gitlab-v4-api.\","
                        + "\"errors\":[{\"field\":\"type\",\"message\":\"Choose a type: generic, github-v3-api, gitlab-v4-api.\"}]}"));

        Result result = cli.run("admin", "git", "set", "--url", "http://git.example");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("Choose a type");
        assertThat(site.server.requests(PATH).get(1).body()).contains("\"enabled\" : true");
    }

    @Test
    void migratePrintsAReportTableAndExitsNonZeroWhenAProjectFailed() {
        site.server.replies(PATH + "/migrate", Reply.json(200,
                "[{\"projectId\":\"0123456789abcdef\",\"owner\":\"ada\",\"name\":\"demo\",\"remoteUrl\":\"http://git.example/acme/ada-0123456789abcdef.git\",\"status\":\"migrated\",\"error\":null},"
                        + "{\"projectId\":\"fedcba9876543210\",\"owner\":\"bob\",\"name\":\"late\",\"remoteUrl\":\"http://git.example/acme/bob-fedcba9876543210.git\",\"status\":\"failed\","
                        + "\"error\":\"The external git service refused the credentials\"}]"));

        Result result = cli.run("admin", "git", "migrate");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out().lines()).hasSize(3);
        assertThat(result.out().lines().toList().get(1)).contains("0123456789abcdef", "migrated", "ada/demo");
        assertThat(result.out().lines().toList().get(2)).contains("failed", "bob/late", "refused the credentials");
        assertThat(result.err()).contains("1 of 2 projects failed");
        assertThat(site.server.requests(PATH + "/migrate").get(0).method()).isEqualTo("POST");
    }

    @Test
    void migrateSucceedsWhenEveryProjectMigrated() {
        site.server.replies(PATH + "/migrate", Reply.json(200, "[]"));

        assertThat(cli.run("admin", "git", "migrate").exitCode()).isZero();
    }

    @Test
    void removeDeletesTheSetting() {
        site.server.replies(PATH, Reply.json(204, ""));

        Result result = cli.run("admin", "git", "remove");

        assertThat(result.exitCode()).isZero();
        assertThat(site.server.requests(PATH).get(0).method()).isEqualTo("DELETE");
    }
}
