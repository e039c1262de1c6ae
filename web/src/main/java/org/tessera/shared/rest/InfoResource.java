package org.tessera.shared.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.tessera.shared.web.PlatformSettings;

/**
 * {@code /api/v1/info}: what a client needs before it can sign in: the version and the OIDC
 * issuer with the public client id for command-line sign-in. No token needed.
 */
@Path("/v1/info")
@Produces(MediaType.APPLICATION_JSON)
public class InfoResource {

  @GET
  public Info info() {
    return new Info(PlatformSettings.version(), PlatformSettings.oidcProviderUrl(), "tessera-cli");
  }

  /** Discovery document for clients. */
  public record Info(String version, String issuer, String cliClientId) {}
}
