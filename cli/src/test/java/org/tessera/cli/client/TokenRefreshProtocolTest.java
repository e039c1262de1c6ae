package org.tessera.cli.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.cli.client.StubHttpServer.Reply;

/**
 * Protocol-level test of the refresh logic in {@link TokenManager} against an in-process token
 * endpoint: when we refresh, what we send, what we store, and how a refused refresh is reported.
 */
class TokenRefreshProtocolTest {

    private static final String TOKEN_PATH = "/realms/t/protocol/openid-connect/token";
    private static final String SITE_URL = "http://tessera.test";

    @TempDir
    Path configDir;

    private final StubHttpServer server = StubHttpServer.start();
    private final FakeTime time = new FakeTime();
    private CredentialStore store;
    private TokenManager tokens;

    @BeforeEach
    void setUp() {
        store = new CredentialStore(configDir, Json.mapper());
        OidcClient oidc = new OidcClient(HttpTransport.create(true), Json.mapper(), time, time.sleeper());
        tokens = new TokenManager(new Site("master", SITE_URL), store, oidc, time);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void usesTheStoredTokenWithoutAskingTheServerWhileMoreThan30SecondsAreLeft() {
        store.save("master", credentials(SITE_URL, now() + 31, "refresh-1", now() + 1800));

        assertThat(tokens.accessToken()).isEqualTo("access-1");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void refreshesATokenThatExpiresWithin30SecondsAndStoresTheNewOnes() {
        store.save("master", credentials(SITE_URL, now() + 30, "refresh-1", now() + 1800));
        server.replies(TOKEN_PATH, Reply.json(200, TestJwt.tokenResponse("alice", "access-2", 300, "refresh-2", 1800)));

        assertThat(tokens.accessToken()).isEqualTo("access-2");

        assertThat(server.requests(TOKEN_PATH)).singleElement().satisfies(request -> assertThat(request.form())
                .containsEntry("grant_type", "refresh_token")
                .containsEntry("refresh_token", "refresh-1")
                .containsEntry("client_id", "tessera-cli"));
        SiteCredentials saved = store.load("master").orElseThrow();
        assertThat(saved.accessToken()).isEqualTo("access-2");
        assertThat(saved.accessTokenExpiresAt()).isEqualTo(now() + 300);
        assertThat(saved.refreshToken()).isEqualTo("refresh-2");
        assertThat(saved.refreshTokenExpiresAt()).isEqualTo(now() + 1800);
        assertThat(saved.username()).isEqualTo("alice");
    }

    @Test
    void keepsTheOldRefreshTokenWhenTheRefreshAnswerHasNone() {
        store.save("master", credentials(SITE_URL, now() - 5, "refresh-1", now() + 1800));
        server.replies(TOKEN_PATH, Reply.json(200, "{\"access_token\":\"access-2\",\"expires_in\":300}"));

        tokens.accessToken();

        SiteCredentials saved = store.load("master").orElseThrow();
        assertThat(saved.refreshToken()).isEqualTo("refresh-1");
        assertThat(saved.refreshTokenExpiresAt()).isEqualTo(now() + 1800);
    }

    @Test
    void refusedRefreshTellsTheUserToLogInAgainWithExitCode3() {
        store.save("master", credentials(SITE_URL, now() - 5, "refresh-1", now() + 1800));
        server.replies(TOKEN_PATH, Reply.oauthError("invalid_grant"));

        assertThatThrownBy(tokens::accessToken)
                .isInstanceOfSatisfying(AuthenticationRequiredException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.NOT_SIGNED_IN))
                .hasMessageContaining("expired or was ended")
                .hasMessageContaining("tessera login");
        assertThat(store.load("master").orElseThrow().accessToken()).isEqualTo("access-1");
    }

    @Test
    void refreshTokenPastItsExpiryIsNotSentAtAll() {
        store.save("master", credentials(SITE_URL, now() - 5, "refresh-1", now() - 1));

        assertThatThrownBy(tokens::accessToken).isInstanceOf(AuthenticationRequiredException.class);
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void refreshTokenWithoutKnownExpiryIsTried() {
        store.save("master", credentials(SITE_URL, now() - 5, "refresh-1", null));
        server.replies(TOKEN_PATH, Reply.json(200, TestJwt.tokenResponse("alice", "access-2", 300, "refresh-2", 0)));

        assertThat(tokens.accessToken()).isEqualTo("access-2");
        // Keycloak's 0 means no fixed lifetime.
        assertThat(store.load("master").orElseThrow().refreshTokenExpiresAt()).isNull();
    }

    @Test
    void notSignedInIsExitCode3() {
        assertThatThrownBy(tokens::accessToken)
                .isInstanceOfSatisfying(AuthenticationRequiredException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.NOT_SIGNED_IN))
                .hasMessage("Not signed in to master. Sign in with: tessera login");
    }

    @Test
    void tokensIssuedForAnotherUrlAreNotSentToThisOne() {
        store.save("master", credentials("http://elsewhere.test", now() + 300, "refresh-1", now() + 1800));

        assertThatThrownBy(tokens::accessToken)
                .isInstanceOf(AuthenticationRequiredException.class)
                .hasMessageContaining("http://elsewhere.test");
    }

    private long now() {
        return time.instant().getEpochSecond();
    }

    private SiteCredentials credentials(String siteUrl, long accessExpiresAt, String refreshToken, Long refreshExpiresAt) {
        return new SiteCredentials(siteUrl, server.url() + "/realms/t", "tessera-cli", server.url() + TOKEN_PATH,
                null, null, "alice", "access-1", accessExpiresAt, refreshToken, refreshExpiresAt);
    }
}
