package org.tessera.cli.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The unauthenticated {@code GET /api/v1/info}: what the CLI needs to find the site's Keycloak. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SiteInfo(String version, String issuer, String cliClientId) {
}
