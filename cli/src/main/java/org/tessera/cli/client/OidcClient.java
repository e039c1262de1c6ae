package org.tessera.cli.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The OAuth 2.0 / OpenID Connect client side of signing in against the site's Keycloak with a
 * public client: discovery, the device authorization grant (RFC 8628), the resource-owner
 * password grant for scripts, refresh, and ending the session. All waiting goes through the
 * injected {@link Sleeper} and {@link Clock}, so tests run the polling loop without real time.
 */
public final class OidcClient {

    static final String DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    static final String SCOPE = "openid";
    /** RFC 8628 section 3.5: poll every 5 s unless told otherwise, 5 s more after each slow_down. */
    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);
    static final Duration SLOW_DOWN_STEP = Duration.ofSeconds(5);
    /** How long to keep polling when the server does not say when the code expires. */
    static final Duration DEFAULT_CODE_LIFETIME = Duration.ofMinutes(10);

    private final HttpTransport http;
    private final ObjectMapper json;
    private final Clock clock;
    private final Sleeper sleeper;

    public OidcClient(HttpTransport http, ObjectMapper json, Clock clock, Sleeper sleeper) {
        this.http = http;
        this.json = json;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Fetches {@code {issuer}/.well-known/openid-configuration}. */
    public ProviderMetadata discover(String issuer) {
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        URI uri = URI.create(base + "/.well-known/openid-configuration");
        HttpResponse<String> response;
        try {
            response = http.get(uri, null);
        } catch (ServerUnreachableException e) {
            throw new ServerUnreachableException(uri, e.getMessage() + ". The Tessera site names " + issuer
                    + " as its sign-in server; is that Keycloak running and reachable from here?", e.getCause());
        }
        if (response.statusCode() != 200) {
            throw new CliException("The sign-in server " + issuer + " answered HTTP " + response.statusCode()
                    + " to " + uri + "; check the issuer the Tessera server announces.");
        }
        ProviderMetadata metadata = read(response, ProviderMetadata.class, uri);
        if (metadata.tokenEndpoint() == null) {
            throw new CliException("The sign-in server " + issuer + " announces no token endpoint.");
        }
        return metadata;
    }

    /** Starts the device flow: the answer holds the code and the URL the user confirms it at. */
    public DeviceAuthorization startDeviceAuthorization(ProviderMetadata provider, String clientId) {
        if (provider.deviceAuthorizationEndpoint() == null) {
            throw new CliException("The sign-in server offers no device sign-in;"
                    + " use: tessera login --username USER --password-stdin", ExitCode.NOT_SIGNED_IN);
        }
        URI uri = URI.create(provider.deviceAuthorizationEndpoint());
        HttpResponse<String> response = http.postForm(uri, Map.of("client_id", clientId, "scope", SCOPE));
        if (response.statusCode() != 200) {
            throw oauthError(response);
        }
        DeviceAuthorization authorization = read(response, DeviceAuthorization.class, uri);
        if (authorization.deviceCode() == null) {
            throw new CliException("The device authorization answer from " + uri + " has no device_code.");
        }
        return authorization;
    }

    /**
     * Polls the token endpoint until the user has confirmed the code (RFC 8628 section 3.4): waits
     * {@code interval} before each poll, keeps going on {@code authorization_pending}, waits 5 s
     * longer from then on after {@code slow_down}, and stops on any other error or when the code
     * has expired.
     *
     * @throws OAuthException with error {@code expired_token} or {@code access_denied} when the
     *     user did not confirm in time or declined
     */
    public TokenResponse awaitDeviceTokens(String tokenEndpoint, String clientId, DeviceAuthorization authorization) {
        Duration interval = authorization.interval() != null && authorization.interval() > 0
                ? Duration.ofSeconds(authorization.interval())
                : DEFAULT_INTERVAL;
        Instant deadline = clock.instant().plus(authorization.expiresIn() != null && authorization.expiresIn() > 0
                ? Duration.ofSeconds(authorization.expiresIn())
                : DEFAULT_CODE_LIFETIME);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", DEVICE_CODE_GRANT);
        form.put("device_code", authorization.deviceCode());
        form.put("client_id", clientId);
        while (true) {
            sleep(interval);
            if (!clock.instant().isBefore(deadline)) {
                throw expired(null);
            }
            HttpResponse<String> response = http.postForm(URI.create(tokenEndpoint), form);
            if (response.statusCode() == 200) {
                return tokens(response, tokenEndpoint);
            }
            OAuthException error = oauthError(response);
            switch (error.error()) {
                case "authorization_pending" -> {
                }
                case "slow_down" -> interval = interval.plus(SLOW_DOWN_STEP);
                case "expired_token" -> throw expired(error.description());
                case "access_denied" -> throw new OAuthException("access_denied", error.description(),
                        "Sign-in was declined in the browser. Run tessera login to try again.");
                default -> throw error;
            }
        }
    }

    /** The resource-owner password grant, for scripts that cannot open a browser. */
    public TokenResponse passwordGrant(String tokenEndpoint, String clientId, String username, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", clientId);
        form.put("username", username);
        form.put("password", password);
        form.put("scope", SCOPE);
        return tokenRequest(tokenEndpoint, form);
    }

    /**
     * Exchanges a refresh token for new tokens.
     *
     * @throws OAuthException usually {@code invalid_grant}, when the refresh token expired or the
     *     session was ended
     */
    public TokenResponse refresh(String tokenEndpoint, String clientId, String refreshToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("client_id", clientId);
        form.put("refresh_token", refreshToken);
        form.put("scope", SCOPE);
        return tokenRequest(tokenEndpoint, form);
    }

    /**
     * Ends the server-side session of {@code credentials}: a direct POST to the end-session
     * endpoint with the refresh token (Keycloak's logout for clients that hold one), else an
     * RFC 7009 revocation of the refresh token. A session that is already gone counts as ended.
     */
    public void endSession(SiteCredentials credentials) {
        if (credentials.refreshToken() == null) {
            return;
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", credentials.clientId());
        URI uri;
        if (credentials.endSessionEndpoint() != null) {
            uri = URI.create(credentials.endSessionEndpoint());
            form.put("refresh_token", credentials.refreshToken());
        } else if (credentials.revocationEndpoint() != null) {
            uri = URI.create(credentials.revocationEndpoint());
            form.put("token", credentials.refreshToken());
            form.put("token_type_hint", "refresh_token");
        } else {
            return;
        }
        HttpResponse<String> response = http.postForm(uri, form);
        if (response.statusCode() / 100 == 2) {
            return;
        }
        OAuthException error = oauthError(response);
        if (!"invalid_grant".equals(error.error())) {
            throw new CliException("The sign-in server did not end the session: "
                    + (error.description() != null ? error.description() : error.error()));
        }
    }

    private TokenResponse tokenRequest(String tokenEndpoint, Map<String, String> form) {
        HttpResponse<String> response = http.postForm(URI.create(tokenEndpoint), form);
        if (response.statusCode() != 200) {
            throw oauthError(response);
        }
        return tokens(response, tokenEndpoint);
    }

    private TokenResponse tokens(HttpResponse<String> response, String tokenEndpoint) {
        TokenResponse tokens = read(response, TokenResponse.class, URI.create(tokenEndpoint));
        if (tokens.accessToken() == null) {
            throw new CliException("The token endpoint " + tokenEndpoint + " answered without an access_token.");
        }
        return tokens;
    }

    private OAuthException oauthError(HttpResponse<String> response) {
        try {
            JsonNode body = json.readTree(response.body());
            if (body != null && body.hasNonNull("error")) {
                return OAuthException.of(body.get("error").asText(),
                        body.hasNonNull("error_description") ? body.get("error_description").asText() : null);
            }
        } catch (JsonProcessingException notJson) {
            // Reported below by status; the body is likely an HTML error page.
        }
        return OAuthException.of("http_" + response.statusCode(),
                response.uri() + " answered HTTP " + response.statusCode());
    }

    private static OAuthException expired(String description) {
        return new OAuthException("expired_token", description,
                "The sign-in code expired before it was confirmed. Run tessera login to get a new one.");
    }

    private <T> T read(HttpResponse<String> response, Class<T> type, URI uri) {
        try {
            return json.readValue(response.body(), type);
        } catch (JsonProcessingException e) {
            throw new CliException(uri + " did not answer with the expected JSON: " + e.getOriginalMessage());
        }
    }

    private void sleep(Duration duration) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("Interrupted while waiting for sign-in.");
        }
    }
}
