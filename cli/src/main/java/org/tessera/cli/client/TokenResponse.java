package org.tessera.cli.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A successful token endpoint answer. Keycloak adds {@code refresh_expires_in}, where 0 means the
 * refresh token has no fixed lifetime (offline tokens); other servers leave it out.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TokenResponse(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") Long expiresIn,
        @JsonProperty("refresh_token") String refreshToken,
        @JsonProperty("refresh_expires_in") Long refreshExpiresIn,
        @JsonProperty("id_token") String idToken,
        @JsonProperty("scope") String scope) {
}
