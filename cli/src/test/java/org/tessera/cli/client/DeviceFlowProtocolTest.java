package org.tessera.cli.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tessera.cli.client.StubHttpServer.Reply;

/**
 * Protocol-level test of our RFC 8628 polling against an in-process token endpoint: which requests
 * we send, how long we wait between them, and how each error answer ends or continues the loop.
 * Time is fake, so no test waits for real intervals.
 */
class DeviceFlowProtocolTest {

    private static final String TOKEN_PATH = "/realms/t/protocol/openid-connect/token";
    private static final String DEVICE_PATH = "/realms/t/protocol/openid-connect/auth/device";

    private final StubHttpServer server = StubHttpServer.start();
    private final FakeTime time = new FakeTime();
    private final OidcClient oidc = new OidcClient(HttpTransport.create(true), Json.mapper(), time, time.sleeper());

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void pollsThroughPendingAndSlowDownThenReturnsTheTokens() {
        server.replies(TOKEN_PATH,
                Reply.oauthError("authorization_pending"),
                Reply.oauthError("authorization_pending"),
                Reply.oauthError("slow_down"),
                Reply.json(200, TestJwt.tokenResponse("alice", "access-1", 300, "refresh-1", 1800)));

        TokenResponse tokens = oidc.awaitDeviceTokens(tokenEndpoint(), "tessera-cli", authorization(5L, 600L));

        assertThat(tokens.accessToken()).isEqualTo("access-1");
        assertThat(tokens.refreshToken()).isEqualTo("refresh-1");
        // Wait the interval before every poll; after slow_down, 5 s longer.
        assertThat(time.sleeps()).containsExactly(seconds(5), seconds(5), seconds(5), seconds(10));
        assertThat(server.requests(TOKEN_PATH)).hasSize(4).allSatisfy(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
            assertThat(request.form())
                    .containsEntry("grant_type", "urn:ietf:params:oauth:grant-type:device_code")
                    .containsEntry("device_code", "device-code-1")
                    .containsEntry("client_id", "tessera-cli");
        });
    }

    @Test
    void slowDownKeepsTheLongerIntervalForTheRestOfThePolling() {
        server.replies(TOKEN_PATH,
                Reply.oauthError("slow_down"),
                Reply.oauthError("authorization_pending"),
                Reply.oauthError("slow_down"),
                Reply.oauthError("authorization_pending"),
                Reply.json(200, TestJwt.tokenResponse("alice", "access-1", 300, "refresh-1", 1800)));

        oidc.awaitDeviceTokens(tokenEndpoint(), "tessera-cli", authorization(2L, 600L));

        assertThat(time.sleeps()).containsExactly(seconds(2), seconds(7), seconds(7), seconds(12), seconds(12));
    }

    @Test
    void expiredTokenAnswerStopsPollingAndAsksToLogInAgain() {
        server.replies(TOKEN_PATH, Reply.oauthError("authorization_pending"), Reply.oauthError("expired_token"));

        assertThatThrownBy(() -> oidc.awaitDeviceTokens(tokenEndpoint(), "tessera-cli", authorization(5L, 600L)))
                .isInstanceOfSatisfying(OAuthException.class, e -> {
                    assertThat(e.error()).isEqualTo("expired_token");
                    assertThat(e.exitCode()).isEqualTo(ExitCode.NOT_SIGNED_IN);
                    assertThat(e.getMessage()).contains("expired").contains("tessera login");
                });
        assertThat(server.requests(TOKEN_PATH)).hasSize(2);
    }

    @Test
    void accessDeniedAnswerStopsPolling() {
        server.replies(TOKEN_PATH, Reply.oauthError("access_denied"));

        assertThatThrownBy(() -> oidc.awaitDeviceTokens(tokenEndpoint(), "tessera-cli", authorization(5L, 600L)))
                .isInstanceOfSatisfying(OAuthException.class, e -> {
                    assertThat(e.error()).isEqualTo("access_denied");
                    assertThat(e.getMessage()).contains("declined");
                });
        assertThat(server.requests(TOKEN_PATH)).hasSize(1);
    }

    @Test
    void unexpectedErrorStopsPollingWithTheServersDescription() {
        server.replies(TOKEN_PATH, Reply.oauthError("invalid_client"));

        assertThatThrownBy(() -> oidc.awaitDeviceTokens(tokenEndpoint(), "tessera-cli", authorization(5L, 600L)))
                .isInstanceOf(OAuthException.class)
                .hasMessage("Sign-in failed: invalid_client from the stub");
    }

    @Test
    void stopsPollingOnceTheCodeHasExpiredEvenIfTheServerKeepsSayingPending() {
        server.replies(TOKEN_PATH, Reply.oauthError("authorization_pending"));

        assertThatThrownBy(() -> oidc.awaitDeviceTokens(tokenEndpoint(), "tessera-cli", authorization(5L, 12L)))
                .isInstanceOfSatisfying(OAuthException.class, e -> assertThat(e.error()).isEqualTo("expired_token"));
        // Polls at 5 s and 10 s; at 15 s the 12 s code is dead, so no third request.
        assertThat(server.requests(TOKEN_PATH)).hasSize(2);
    }

    @Test
    void waitsFiveSecondsWhenTheServerGivesNoInterval() {
        server.replies(TOKEN_PATH, Reply.json(200, TestJwt.tokenResponse("alice", "access-1", 300, "refresh-1", 1800)));

        oidc.awaitDeviceTokens(tokenEndpoint(), "tessera-cli", authorization(null, 600L));

        assertThat(time.sleeps()).containsExactly(seconds(5));
    }

    @Test
    void deviceAuthorizationRequestSendsThePublicClientIdAndOpenidScope() {
        server.replies(DEVICE_PATH, Reply.json(200, """
                {"device_code":"dc","user_code":"ABCD-EFGH","verification_uri":"http://kc/device",
                 "verification_uri_complete":"http://kc/device?user_code=ABCD-EFGH","expires_in":600,"interval":5}
                """));
        ProviderMetadata provider = new ProviderMetadata(server.url() + "/realms/t", tokenEndpoint(),
                server.url() + DEVICE_PATH, null, null);

        DeviceAuthorization authorization = oidc.startDeviceAuthorization(provider, "tessera-cli");

        assertThat(authorization.userCode()).isEqualTo("ABCD-EFGH");
        assertThat(authorization.verificationUriComplete()).isEqualTo("http://kc/device?user_code=ABCD-EFGH");
        assertThat(authorization.interval()).isEqualTo(5L);
        assertThat(server.requests(DEVICE_PATH).get(0).form())
                .containsExactlyInAnyOrderEntriesOf(java.util.Map.of("client_id", "tessera-cli", "scope", "openid"));
    }

    @Test
    void providerWithoutDeviceEndpointPointsToThePasswordFallback() {
        ProviderMetadata provider = new ProviderMetadata("http://kc", tokenEndpoint(), null, null, null);

        assertThatThrownBy(() -> oidc.startDeviceAuthorization(provider, "tessera-cli"))
                .isInstanceOf(CliException.class)
                .hasMessageContaining("--password-stdin");
    }

    private String tokenEndpoint() {
        return server.url() + TOKEN_PATH;
    }

    private static DeviceAuthorization authorization(Long interval, Long expiresIn) {
        return new DeviceAuthorization("device-code-1", "ABCD-EFGH", "http://kc/device",
                "http://kc/device?user_code=ABCD-EFGH", expiresIn, interval);
    }

    private static Duration seconds(long seconds) {
        return Duration.ofSeconds(seconds);
    }
}
