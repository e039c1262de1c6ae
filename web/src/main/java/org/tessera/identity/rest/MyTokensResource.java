package org.tessera.identity.rest;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.time.Instant;
import java.util.List;
import org.tessera.identity.application.AccessTokenService;
import org.tessera.identity.domain.IssuedAccessToken;
import org.tessera.identity.rest.dto.CreateTokenRequest;
import org.tessera.identity.rest.dto.CreatedTokenResponse;
import org.tessera.identity.rest.dto.TokenResponse;
import org.tessera.identity.web.CurrentUser;

/** {@code /api/v1/me/tokens}: the caller's personal access tokens, for git and scripts. */
@Path("/v1/me/tokens")
@Produces(MediaType.APPLICATION_JSON)
public class MyTokensResource {

  @EJB AccessTokenService tokens;
  @Inject CurrentUser currentUser;

  private String caller() {
    return currentUser.profile().orElseThrow(() -> new NotAuthorizedException("Bearer")).username();
  }

  /** Creates a token; 201 with the secret in {@code token}, which is never shown again. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(CreateTokenRequest request) {
    CreateTokenRequest body = request == null ? new CreateTokenRequest(null, null) : request;
    IssuedAccessToken issued = tokens.create(caller(), body.name(), body.days());
    return Response.created(UriBuilder.fromPath("/api/v1/me/tokens/{id}").build(issued.id())).entity(CreatedTokenResponse.from(issued)).build();
  }

  @GET
  public List<TokenResponse> list() {
    Instant now = Instant.now();
    return tokens.list(caller()).stream().map(t -> TokenResponse.from(t, now)).toList();
  }

  /** Revokes a token at once; 204, also when it was already revoked. */
  @DELETE
  @Path("/{id}")
  public Response revoke(@PathParam("id") String id) {
    tokens.revoke(caller(), id);
    return Response.noContent().build();
  }
}
