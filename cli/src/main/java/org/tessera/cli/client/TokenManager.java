package org.tessera.cli.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Hands out a valid access token for one site, refreshing it first when it expires within
 * {@link #REFRESH_MARGIN}, so it does not run out between here and the server.
 */
public final class TokenManager {

    /** A token this close to expiry is refreshed before use. */
    public static final Duration REFRESH_MARGIN = Duration.ofSeconds(30);

    private final Site site;
    private final CredentialStore store;
    private final OidcClient oidc;
    private final Clock clock;

    public TokenManager(Site site, CredentialStore store, OidcClient oidc, Clock clock) {
        this.site = site;
        this.store = store;
        this.oidc = oidc;
        this.clock = clock;
    }

    /**
     * The stored access token, refreshed and saved if it is about to expire.
     *
     * @throws AuthenticationRequiredException when the user is not signed in to this site, or the
     *     refresh token has expired or was revoked
     */
    public String accessToken() {
        SiteCredentials credentials = store.load(site.name())
                .orElseThrow(() -> new AuthenticationRequiredException("Not signed in to " + site.name()
                        + ". Sign in with: tessera login" + siteOption()));
        if (!site.url().equals(credentials.siteUrl())) {
            throw new AuthenticationRequiredException("The stored sign-in for " + site.name() + " is for "
                    + credentials.siteUrl() + ", not " + site.url() + ". Sign in with: tessera login" + siteOption());
        }
        Instant now = clock.instant();
        if (now.plus(REFRESH_MARGIN).getEpochSecond() < credentials.accessTokenExpiresAt()) {
            return credentials.accessToken();
        }
        if (credentials.refreshToken() == null || (credentials.refreshTokenExpiresAt() != null
                && now.getEpochSecond() >= credentials.refreshTokenExpiresAt())) {
            throw sessionExpired();
        }
        TokenResponse tokens;
        try {
            tokens = oidc.refresh(credentials.tokenEndpoint(), credentials.clientId(), credentials.refreshToken());
        } catch (OAuthException refused) {
            throw sessionExpired();
        }
        SiteCredentials refreshed = credentials.withTokens(tokens, clock.instant());
        store.save(site.name(), refreshed);
        return refreshed.accessToken();
    }

    private AuthenticationRequiredException sessionExpired() {
        return new AuthenticationRequiredException("Your session on " + site.name()
                + " has expired or was ended. Sign in again with: tessera login" + siteOption());
    }

    private String siteOption() {
        return site.name().equals(CliConfig.DEFAULT_SITE) ? "" : " --site " + site.name();
    }
}
