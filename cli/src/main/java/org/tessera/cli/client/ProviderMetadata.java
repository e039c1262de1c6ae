package org.tessera.cli.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The parts of an OpenID provider's discovery document the CLI uses; the last three may be null. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProviderMetadata(
        @JsonProperty("issuer") String issuer,
        @JsonProperty("token_endpoint") String tokenEndpoint,
        @JsonProperty("device_authorization_endpoint") String deviceAuthorizationEndpoint,
        @JsonProperty("end_session_endpoint") String endSessionEndpoint,
        @JsonProperty("revocation_endpoint") String revocationEndpoint) {
}
