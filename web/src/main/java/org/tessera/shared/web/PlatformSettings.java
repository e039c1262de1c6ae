package org.tessera.shared.web;

import java.util.Optional;

/**
 * Settings the launcher passes to WildFly as system properties (or environment variables for
 * container deployments). Nothing here names a host: every URL comes from configuration.
 */
public final class PlatformSettings {

  private PlatformSettings() {}

  /** The realm URL as browsers and tokens see it, e.g. {@code http://localhost:8180/auth/realms/tessera}. */
  public static String oidcProviderUrl() {
    return required("tessera.oidc.provider-url", "TESSERA_OIDC_PROVIDER_URL");
  }

  /** The confidential secret of client {@code tessera-web}. */
  public static String webClientSecret() {
    return required("tessera.oidc.web-client-secret", "TESSERA_WEB_CLIENT_SECRET");
  }

  /** The secret of client {@code tessera-service}, Tessera's account for Keycloak's admin REST API. */
  public static String serviceClientSecret() {
    return required("tessera.oidc.service-client-secret", "TESSERA_SERVICE_CLIENT_SECRET");
  }

  /** Tessera's own public base URL, e.g. {@code http://localhost:8080}. */
  public static String publicUrl() {
    return value("tessera.public-url", "TESSERA_PUBLIC_URL").orElse("http://localhost:8080");
  }

  /**
   * The wildcard domain deployments are also served under ({@code https://{name}.{domain}/}), when
   * the administrator has one (DNS {@code *.domain} pointing at Tessera); empty otherwise.
   */
  public static Optional<String> appsDomain() {
    return value("tessera.apps-domain", "TESSERA_APPS_DOMAIN").map(d -> d.toLowerCase(java.util.Locale.ROOT).replaceFirst("^\\*?\\.", ""));
  }

  public static String version() {
    return value("tessera.version", "TESSERA_VERSION").orElse("development");
  }

  private static String required(String property, String env) {
    return value(property, env)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "Tessera is not configured: set system property "
                        + property
                        + " or environment variable "
                        + env
                        + " (./tessera up sets both)."));
  }

  private static Optional<String> value(String property, String env) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      value = System.getenv(env);
    }
    return Optional.ofNullable(value).filter(v -> !v.isBlank()).map(String::strip);
  }
}
