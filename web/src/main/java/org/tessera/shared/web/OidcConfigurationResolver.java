package org.tessera.shared.web;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.wildfly.security.http.oidc.OidcClientConfiguration;
import org.wildfly.security.http.oidc.OidcClientConfigurationBuilder;
import org.wildfly.security.http.oidc.OidcClientConfigurationResolver;
import org.wildfly.security.http.oidc.OidcHttpFacade;

/**
 * Chooses the OIDC client for a request: under {@code /api/} the bearer-only client {@code
 * tessera-api}, so that API callers get a 401 instead of a redirect to a login page; everywhere
 * else the confidential client {@code tessera-web} with the authorization-code flow and PKCE.
 *
 * <p>Both configurations are built once, lazily, because the provider URL is only known at run
 * time (the launcher passes it in) and WildFly fetches the realm's metadata on first use.
 */
public class OidcConfigurationResolver implements OidcClientConfigurationResolver {

  private volatile OidcClientConfiguration api;
  private volatile OidcClientConfiguration web;

  @Override
  public OidcClientConfiguration resolve(OidcHttpFacade.Request request) {
    return isApi(request.getRelativePath()) ? api() : web();
  }

  static boolean isApi(String relativePath) {
    return relativePath != null && (relativePath.equals("/api") || relativePath.startsWith("/api/"));
  }

  private OidcClientConfiguration api() {
    if (api == null) {
      api =
          build(
              Json.createObjectBuilder()
                  .add("client-id", "tessera-api")
                  .add("provider-url", PlatformSettings.oidcProviderUrl())
                  .add("bearer-only", true)
                  .add("verify-token-audience", true)
                  .add("principal-attribute", "preferred_username")
                  .add("ssl-required", "external")
                  .build());
    }
    return api;
  }

  private OidcClientConfiguration web() {
    if (web == null) {
      web =
          build(
              Json.createObjectBuilder()
                  .add("client-id", "tessera-web")
                  .add("provider-url", PlatformSettings.oidcProviderUrl())
                  .add("credentials", Json.createObjectBuilder().add("secret", PlatformSettings.webClientSecret()))
                  .add("enable-pkce", true)
                  .add("principal-attribute", "preferred_username")
                  .add("ssl-required", "external")
                  .build());
    }
    return web;
  }

  private static OidcClientConfiguration build(JsonObject json) {
    return OidcClientConfigurationBuilder.build(
        new ByteArrayInputStream(json.toString().getBytes(StandardCharsets.UTF_8)));
  }
}
