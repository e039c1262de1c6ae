package org.tessera.sessions.rest;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.tessera.identity.domain.UserProfile;
import org.tessera.identity.web.CurrentUser;
import org.tessera.shared.rest.ApiCallers;
import org.tessera.runtime.application.ResourceProfileService;
import org.tessera.runtime.domain.ResourceProfileRules;
import org.tessera.sessions.rest.dto.ResourceProfileRequest;
import org.tessera.sessions.rest.dto.ResourceProfileResponse;

/** The seed's resource profiles: everyone lists the visible ones, administrators manage them. */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public class ResourceProfilesResource {

  @EJB ResourceProfileService profiles;
  @Inject CurrentUser currentUser;

  private UserProfile caller() {
    return currentUser.profile().orElseThrow(() -> new NotAuthorizedException("Bearer"));
  }

  /** Defaults first, then alphabetical; administrators also see hidden ones. */
  @GET
  @Path("/resource-profiles")
  public List<ResourceProfileResponse> list() {
    return profiles.list(caller()).stream().map(ResourceProfileResponse::from).toList();
  }

  /** Creates or replaces a profile. */
  @PUT
  @Path("/admin/resource-profiles/{name}")
  @Consumes(MediaType.APPLICATION_JSON)
  public ResourceProfileResponse save(@PathParam("name") String name, ResourceProfileRequest request) {
    ResourceProfileRequest body = request == null ? new ResourceProfileRequest(null, null, null, null, null, null, null) : request;
    UserProfile caller = ApiCallers.admin(currentUser);
    var profile = ResourceProfileRules.validated(name, body.description(), body.userVisible(), body.cpu(), body.memory(), body.gpus(), body.nodeSelector());
    return ResourceProfileResponse.from(profiles.save(caller, profile, Boolean.TRUE.equals(body.isDefault())));
  }

  /** Deletes a profile; 409 while running sessions or deployments use it. */
  @DELETE
  @Path("/admin/resource-profiles/{name}")
  public Response delete(@PathParam("name") String name) {
    profiles.delete(caller(), name);
    return Response.noContent().build();
  }
}
