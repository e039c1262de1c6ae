package org.tessera.channels.rest;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.tessera.channels.application.ChannelSettingsService;
import org.tessera.identity.web.CurrentUser;

/**
 * {@code /api/v1/channels/config/condarc} and {@code .../pip.conf}: the client configuration for this
 * platform's channels, as sessions and deployments get it; private channels are named, with a note on
 * adding one's own token, never with a secret.
 */
@Path("/v1/channels/config")
public class ChannelConfigResource {

  /** A generated file is text whatever the client accepts (API tools often send Accept: application/json). */
  private static final String TEXT = "text/plain; charset=UTF-8";

  @EJB ChannelSettingsService settings;
  @Inject CurrentUser currentUser;

  private void signedIn() {
    currentUser.profile().orElseThrow(() -> new NotAuthorizedException("Bearer"));
  }

  @GET
  @Path("/condarc")
  @Produces(MediaType.WILDCARD)
  public Response condarc() {
    signedIn();
    return Response.ok(settings.sources().condarc(), TEXT).header("Content-Disposition", "inline; filename=\".condarc\"").build();
  }

  @GET
  @Path("/pip.conf")
  @Produces(MediaType.WILDCARD)
  public Response pipConf() {
    signedIn();
    return Response.ok(settings.sources().pipConf(), TEXT).header("Content-Disposition", "inline; filename=\"pip.conf\"").build();
  }
}
