package org.tessera.cli.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An RFC 8628 device authorization response. {@code verificationUriComplete} may be null;
 * {@code interval} is null when the server leaves it to the default of 5 seconds.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeviceAuthorization(
        @JsonProperty("device_code") String deviceCode,
        @JsonProperty("user_code") String userCode,
        @JsonProperty("verification_uri") String verificationUri,
        @JsonProperty("verification_uri_complete") String verificationUriComplete,
        @JsonProperty("expires_in") Long expiresIn,
        @JsonProperty("interval") Long interval) {
}
