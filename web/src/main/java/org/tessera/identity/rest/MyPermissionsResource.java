package org.tessera.identity.rest;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tessera.identity.application.PermissionService;
import org.tessera.identity.domain.Permission;
import org.tessera.identity.domain.UserProfile;
import org.tessera.identity.web.CurrentUser;

/** {@code /api/v1/me/permissions}: which platform permissions the caller has, by key. */
@Path("/v1/me/permissions")
@Produces(MediaType.APPLICATION_JSON)
public class MyPermissionsResource {

  @EJB PermissionService permissions;
  @Inject CurrentUser currentUser;

  @GET
  public Map<String, Boolean> mine() {
    UserProfile user = currentUser.profile().orElseThrow(() -> new NotAuthorizedException("Bearer"));
    Map<String, Boolean> mine = new LinkedHashMap<>();
    for (Permission permission : Permission.values()) {
      mine.put(permission.key(), permissions.allows(user, permission));
    }
    return mine;
  }
}
