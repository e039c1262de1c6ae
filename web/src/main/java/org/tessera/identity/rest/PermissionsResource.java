package org.tessera.identity.rest;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.tessera.identity.application.PermissionService;
import org.tessera.identity.rest.dto.PermissionGrantsRequest;
import org.tessera.identity.rest.dto.PermissionResponse;
import org.tessera.identity.web.CurrentUser;

/**
 * {@code /api/v1/admin/permissions}: who may deploy, open sessions, create projects and upload
 * packages beyond the built-in roles (role {@code ae-admin}).
 */
@Path("/v1/admin/permissions")
@Produces(MediaType.APPLICATION_JSON)
public class PermissionsResource {

  @EJB PermissionService permissions;
  @Inject CurrentUser currentUser;

  @GET
  public List<PermissionResponse> list() {
    return PermissionResponse.from(permissions.lists());
  }

  /**
   * Replaces the lists of one permission.
   *
   * @param key {@code deploy.deployers}, {@code workspace.users}, {@code storage.creators} or
   *     {@code repository.uploaders}
   */
  @PUT
  @Path("/{key}")
  @Consumes(MediaType.APPLICATION_JSON)
  public List<PermissionResponse> replace(@PathParam("key") String key, PermissionGrantsRequest request) {
    // The service checks the role before the body, so a non-admin learns nothing from a bad body.
    permissions.replace(key, request == null ? null : request.toGrants(), currentUser.profile().map(u -> u.username()).orElse("unknown"));
    return PermissionResponse.from(permissions.lists());
  }
}
