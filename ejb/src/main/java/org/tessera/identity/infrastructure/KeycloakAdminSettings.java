package org.tessera.identity.infrastructure;

import java.util.Optional;

/**
 * Where Keycloak's admin REST API is and the secret of client {@code tessera-service}: the same
 * system properties (or environment variables) the launcher gives the web module.
 */
record KeycloakAdminSettings(String realmUrl, String clientId, String clientSecret) {

  static KeycloakAdminSettings fromEnvironment() {
    return new KeycloakAdminSettings(
        required("tessera.oidc.provider-url", "TESSERA_OIDC_PROVIDER_URL").replaceFirst("/+$", ""),
        "tessera-service",
        required("tessera.oidc.service-client-secret", "TESSERA_SERVICE_CLIENT_SECRET"));
  }

  /** {@code http://host/auth/realms/tessera} → {@code http://host/auth/admin/realms/tessera}. */
  String adminUrl() {
    int at = realmUrl.lastIndexOf("/realms/");
    return realmUrl.substring(0, at) + "/admin" + realmUrl.substring(at);
  }

  String tokenUrl() {
    return realmUrl + "/protocol/openid-connect/token";
  }

  private static String required(String property, String env) {
    return Optional.ofNullable(System.getProperty(property))
        .or(() -> Optional.ofNullable(System.getenv(env)))
        .filter(v -> !v.isBlank())
        .map(String::strip)
        .orElseThrow(
            () ->
                new org.tessera.identity.domain.DirectoryProviderUnavailableException(
                    "Tessera cannot manage directories: set system property " + property + " or environment variable " + env + " (./tessera up sets both) and restart."));
  }
}
