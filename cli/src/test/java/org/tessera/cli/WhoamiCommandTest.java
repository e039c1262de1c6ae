package org.tessera.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.cli.CliRunner.Result;
import org.tessera.cli.client.FakeTime;
import org.tessera.cli.client.StubHttpServer.Reply;
import org.tessera.cli.client.TestJwt;

/** {@code tessera whoami} against a stub site, with tokens stored as {@code login} would. */
class WhoamiCommandTest {

    private static final String ME = """
            {"username":"admin","email":"admin@example.com","name":"Ada Admin",
             "roles":["ae-admin","ae-uploader"],"groups":["admins","data"]}""";

    @TempDir
    Path configDir;

    private final FakeSite site = new FakeSite();
    private final FakeTime time = new FakeTime();
    private CliRunner cli;

    @BeforeEach
    void signIn() {
        cli = site.signedIn(configDir, time, "admin");
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void printsUsernameEmailRolesAndGroups() {
        site.server.replies(FakeSite.ME, Reply.json(200, ME));

        Result result = cli.run("whoami");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out().lines()).containsExactly(
                "username: admin",
                "email: admin@example.com",
                "roles: ae-admin, ae-uploader",
                "groups: admins, data");
        assertThat(site.server.requests(FakeSite.ME).get(0).header("Authorization")).isEqualTo("Bearer access-1");
    }

    @Test
    void jsonOptionPrintsTheServersAnswerAsItCame() {
        site.server.replies(FakeSite.ME, Reply.json(200, ME));

        assertThat(cli.run("whoami", "--json").out().strip()).isEqualTo(ME);
    }

    @Test
    void refreshesAnAlmostExpiredTokenBeforeTheCall() {
        site.server.replies(FakeSite.ME, Reply.json(200, ME));
        site.server.replies(FakeSite.TOKEN, Reply.json(200, TestJwt.tokenResponse("admin", "access-2", 300, "refresh-2", 1800)));
        time.advance(Duration.ofSeconds(280));

        Result result = cli.run("whoami");

        assertThat(result.exitCode()).isZero();
        assertThat(site.server.requests(FakeSite.ME).get(0).header("Authorization")).isEqualTo("Bearer access-2");
    }

    @Test
    void expiredSessionIsExitCode3WithoutCallingTheApi() {
        site.server.replies(FakeSite.TOKEN, Reply.oauthError("invalid_grant"));
        time.advance(Duration.ofSeconds(600));

        Result result = cli.run("whoami");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err().strip())
                .isEqualTo("Error: Your session on master has expired or was ended. Sign in again with: tessera login");
        assertThat(site.server.requests(FakeSite.ME)).isEmpty();
    }

    @Test
    void unauthorizedProblemIsPrintedAndExitCode3() {
        site.server.replies(FakeSite.ME, Reply.problem(401,
                "{\"type\":\"about:blank\",\"title\":\"Not signed in\",\"status\":401,\"detail\":\"The token was revoked.\"}"));

        Result result = cli.run("whoami");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err().lines()).containsExactly(
                "Error: Not signed in: The token was revoked.", "Sign in again with: tessera login");
    }

    @Test
    void forbiddenProblemIsPrintedAndExitCode4() {
        site.server.replies(FakeSite.ME, Reply.problem(403,
                "{\"title\":\"Not allowed\",\"status\":403,\"detail\":\"Ask an administrator for the ae-user role.\"}"));

        Result result = cli.run("whoami");

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.err().strip()).isEqualTo("Error: Not allowed: Ask an administrator for the ae-user role.");
    }

    @Test
    void serverErrorProblemIsExitCode1() {
        site.server.replies(FakeSite.ME, Reply.problem(500, "{\"title\":\"Internal error\",\"status\":500}"));

        Result result = cli.run("whoami");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo("Error: Internal error");
    }

    @Test
    void siteOptionWorksBeforeAndAfterTheVerb() {
        cli.run("config", "set", "sites.dev.url", site.url());

        Result before = cli.run("--site", "dev", "whoami");
        Result after = cli.run("whoami", "--site", "dev");

        assertThat(before.err().strip()).isEqualTo("Error: Not signed in to dev. Sign in with: tessera login --site dev");
        assertThat(after.err()).isEqualTo(before.err());
    }
}
