package org.tessera.identity.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.tessera.identity.rest.dto.MeResponse;
import org.tessera.identity.web.CurrentUser;

/** {@code /api/v1/me}: who the bearer of the token is. */
@Path("/v1/me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

  @Inject CurrentUser currentUser;

  @GET
  public MeResponse me() {
    return currentUser.profile().map(MeResponse::from).orElseThrow(() -> new NotAuthorizedException("Bearer"));
  }
}
