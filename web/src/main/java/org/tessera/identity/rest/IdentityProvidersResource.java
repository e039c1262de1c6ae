package org.tessera.identity.rest;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import org.tessera.identity.application.IdentityProviderService;
import org.tessera.identity.domain.IdentityProvider;
import org.tessera.identity.rest.dto.IdentityProviderRequest;
import org.tessera.identity.rest.dto.IdentityProviderResponse;
import org.tessera.identity.web.CurrentUser;

/**
 * {@code /api/v1/admin/identity-providers}: SAML 2.0, OIDC and Google identity providers of the
 * realm with their role mappers (role {@code ae-admin}). The service checks the role before the body.
 */
@Path("/v1/admin/identity-providers")
@Produces(MediaType.APPLICATION_JSON)
public class IdentityProvidersResource {

  @EJB IdentityProviderService providers;
  @Inject CurrentUser currentUser;

  private String actor() {
    return currentUser.profile().map(u -> u.username()).orElse("unknown");
  }

  @GET
  public List<IdentityProviderResponse> list() {
    return providers.list().stream().map(IdentityProviderResponse::from).toList();
  }

  /** Adds a provider; 201 with it as saved, including the redirect URI and SP metadata URL to give the IdP. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response add(IdentityProviderRequest request) {
    IdentityProvider added = providers.add(request == null ? null : request.toSettings(), actor());
    return Response.created(UriBuilder.fromPath("/api/v1/admin/identity-providers/{alias}").build(added.alias())).entity(IdentityProviderResponse.from(added)).build();
  }

  @GET
  @Path("/{alias}")
  public IdentityProviderResponse get(@PathParam("alias") String alias) {
    return IdentityProviderResponse.from(providers.get(alias));
  }

  /** Changes the provider; omitted fields and {@code clientSecret} keep the stored ones, {@code mappers} replaces the mappers. */
  @PUT
  @Path("/{alias}")
  @Consumes(MediaType.APPLICATION_JSON)
  public IdentityProviderResponse update(@PathParam("alias") String alias, IdentityProviderRequest request) {
    return IdentityProviderResponse.from(providers.update(alias, request == null ? null : request.toSettings(), actor()));
  }

  /** Removes the provider and its mappers; users it created stay. 204. */
  @DELETE
  @Path("/{alias}")
  public Response remove(@PathParam("alias") String alias) {
    providers.remove(alias, actor());
    return Response.noContent().build();
  }
}
