package org.tessera.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.cli.CliRunner.Result;
import org.tessera.cli.client.CredentialStore;
import org.tessera.cli.client.FakeTime;
import org.tessera.cli.client.Json;
import org.tessera.cli.client.SiteCredentials;
import org.tessera.cli.client.StubHttpServer.Reply;
import org.tessera.cli.client.TestJwt;

/** {@code tessera login} and {@code tessera logout} end to end against a stub site and realm. */
class LoginCommandTest {

    @TempDir
    Path configDir;

    private final FakeSite site = new FakeSite();
    private final FakeTime time = new FakeTime();
    private CliRunner cli;

    @BeforeEach
    void configure() {
        cli = new CliRunner(configDir, time);
        cli.run("config", "set", "sites.master.url", site.url());
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void passwordFromStdinSignsInAndStoresTheTokensPrivately() throws IOException {
        site.server.replies(FakeSite.TOKEN, Reply.json(200, TestJwt.tokenResponse("admin", "access-1", 300, "refresh-1", 1800)));

        Result result = cli.runWithInput("Secr3t-xyz\n", "login", "--username", "admin", "--password-stdin");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out().strip()).isEqualTo("Signed in to master as admin");
        assertThat(site.server.requests(FakeSite.TOKEN)).singleElement().satisfies(request -> assertThat(request.form())
                .containsEntry("grant_type", "password")
                .containsEntry("client_id", "tessera-cli")
                .containsEntry("username", "admin")
                .containsEntry("password", "Secr3t-xyz")
                .containsEntry("scope", "openid"));
        SiteCredentials stored = credentials().load("master").orElseThrow();
        assertThat(stored.siteUrl()).isEqualTo(site.url());
        assertThat(stored.issuer()).isEqualTo(site.url() + FakeSite.REALM);
        assertThat(stored.tokenEndpoint()).isEqualTo(site.url() + FakeSite.TOKEN);
        assertThat(stored.accessToken()).isEqualTo("access-1");
        assertThat(stored.accessTokenExpiresAt()).isEqualTo(time.instant().getEpochSecond() + 300);
        assertThat(stored.refreshToken()).isEqualTo("refresh-1");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials().file())))
                .isEqualTo("rw-------");
    }

    @Test
    void wrongPasswordIsExitCode3WithTheServersReason() {
        site.server.replies(FakeSite.TOKEN, Reply.json(401,
                "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid user credentials\"}"));

        Result result = cli.runWithInput("wrong\n", "login", "--username", "admin", "--password-stdin");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err().strip()).isEqualTo("Error: Sign-in failed: Invalid user credentials");
        assertThat(credentials().file()).doesNotExist();
    }

    @Test
    void usernameWithoutPasswordStdinIsAUsageError() {
        Result result = cli.run("login", "--username", "admin");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(site.server.requests()).isEmpty();
    }

    @Test
    void emptyStdinIsAUsageError() {
        Result result = cli.runWithInput("", "login", "--username", "admin", "--password-stdin");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("No password on standard input");
    }

    @Test
    void deviceFlowPrintsTheUrlAndCodeThenSignsInOnceConfirmed() {
        site.server.replies(FakeSite.DEVICE, Reply.json(200, """
                {"device_code":"dc-1","user_code":"WXYZ-1234","verification_uri":"http://kc/device",
                 "verification_uri_complete":"http://kc/device?user_code=WXYZ-1234","expires_in":600,"interval":5}
                """));
        site.server.replies(FakeSite.TOKEN,
                Reply.oauthError("authorization_pending"),
                Reply.json(200, TestJwt.tokenResponse("alice", "access-1", 300, "refresh-1", 1800)));

        Result result = cli.run("login");

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).contains("http://kc/device?user_code=WXYZ-1234").contains("WXYZ-1234");
        assertThat(result.out().strip()).isEqualTo("Signed in to master as alice");
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5));
        assertThat(site.server.requests(FakeSite.DEVICE).get(0).form()).containsEntry("scope", "openid");
        assertThat(credentials().load("master")).isPresent();
    }

    @Test
    void expiredDeviceCodeIsExitCode3AndStoresNothing() {
        site.server.replies(FakeSite.DEVICE, Reply.json(200,
                "{\"device_code\":\"dc-1\",\"user_code\":\"WXYZ-1234\",\"verification_uri\":\"http://kc/device\",\"expires_in\":600}"));
        site.server.replies(FakeSite.TOKEN, Reply.oauthError("expired_token"));

        Result result = cli.run("login");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).contains("http://kc/device").contains("Error: The sign-in code expired");
        assertThat(credentials().file()).doesNotExist();
    }

    @Test
    void unreachableSiteNamesTheUrlAndTheConfigKey() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Result result = cli.env("TESSERA_URL", "http://127.0.0.1:" + closedPort)
                .runWithInput("pw\n", "login", "--username", "admin", "--password-stdin");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err())
                .startsWith("Error: Could not connect to http://127.0.0.1:" + closedPort + "/api/v1/info")
                .contains("tessera config set sites.master.url URL")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    @Test
    void logoutEndsTheSessionWithTheRefreshTokenAndDeletesTheTokens() {
        site.server.replies(FakeSite.TOKEN, Reply.json(200, TestJwt.tokenResponse("admin", "access-1", 300, "refresh-1", 1800)));
        site.server.replies(FakeSite.LOGOUT, new Reply(204, "text/plain", ""));
        cli.runWithInput("pw\n", "login", "--username", "admin", "--password-stdin");

        Result result = cli.run("logout");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out().strip()).isEqualTo("Signed out of master.");
        assertThat(site.server.requests(FakeSite.LOGOUT)).singleElement().satisfies(request -> assertThat(request.form())
                .containsEntry("client_id", "tessera-cli")
                .containsEntry("refresh_token", "refresh-1"));
        assertThat(credentials().load("master")).isEmpty();
    }

    @Test
    void logoutDeletesTheTokensEvenWhenTheSignInServerIsGone() {
        site.server.replies(FakeSite.TOKEN, Reply.json(200, TestJwt.tokenResponse("admin", "access-1", 300, "refresh-1", 1800)));
        cli.runWithInput("pw\n", "login", "--username", "admin", "--password-stdin");
        site.close();

        Result result = cli.run("logout");

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).startsWith("Warning: Could not connect to");
        assertThat(credentials().load("master")).isEmpty();
    }

    private CredentialStore credentials() {
        return new CredentialStore(configDir, Json.mapper());
    }
}
