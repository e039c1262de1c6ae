package org.tessera.cli.client;

import java.time.Instant;

/**
 * What {@code tessera login} stores for one site: the tokens, when they expire (epoch seconds;
 * {@code refreshTokenExpiresAt} null when the server gave no lifetime), and the endpoints and
 * client id needed to refresh and end the session without asking the servers again.
 * {@code siteUrl} records which server the tokens were issued for, so a {@code TESSERA_URL}
 * pointing elsewhere is not sent them.
 */
public record SiteCredentials(
        String siteUrl,
        String issuer,
        String clientId,
        String tokenEndpoint,
        String endSessionEndpoint,
        String revocationEndpoint,
        String username,
        String accessToken,
        long accessTokenExpiresAt,
        String refreshToken,
        Long refreshTokenExpiresAt) {

    /** Credentials for a fresh sign-in; {@code now} is when the token request was answered. */
    public static SiteCredentials signedIn(Site site, ProviderMetadata provider, String clientId, String username,
            TokenResponse tokens, Instant now) {
        return new SiteCredentials(site.url(), provider.issuer(), clientId, provider.tokenEndpoint(),
                provider.endSessionEndpoint(), provider.revocationEndpoint(), username, null, 0, null, null)
                .withTokens(tokens, now);
    }

    /** These credentials with refreshed tokens; a refresh answer without a refresh token keeps the old one. */
    public SiteCredentials withTokens(TokenResponse tokens, Instant now) {
        long accessExpiry = now.getEpochSecond() + (tokens.expiresIn() == null ? 0 : tokens.expiresIn());
        boolean newRefresh = tokens.refreshToken() != null;
        Long refreshExpiry = newRefresh
                ? (tokens.refreshExpiresIn() == null || tokens.refreshExpiresIn() <= 0
                        ? null
                        : now.getEpochSecond() + tokens.refreshExpiresIn())
                : refreshTokenExpiresAt;
        return new SiteCredentials(siteUrl, issuer, clientId, tokenEndpoint, endSessionEndpoint, revocationEndpoint,
                username, tokens.accessToken(), accessExpiry, newRefresh ? tokens.refreshToken() : refreshToken,
                refreshExpiry);
    }
}
