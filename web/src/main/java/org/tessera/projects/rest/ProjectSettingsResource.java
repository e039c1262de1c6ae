package org.tessera.projects.rest;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.tessera.identity.domain.UserProfile;
import org.tessera.identity.web.CurrentUser;
import org.tessera.shared.rest.ApiCallers;
import org.tessera.projects.application.ProjectService;
import org.tessera.projects.domain.InvalidProjectRequestException;

/** {@code /api/v1/admin/project-settings}: the largest file a commit, push or upload may carry. */
@Path("/v1/admin/project-settings")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectSettingsResource {

  @EJB ProjectService projects;
  @Inject CurrentUser currentUser;

  @GET
  public Map<String, Long> get() {
    ApiCallers.admin(currentUser);
    return Map.of("maxFileMegabytes", projects.maxFileBytes() / (1024 * 1024));
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public Map<String, Long> put(Map<String, Object> body) {
    UserProfile caller = ApiCallers.admin(currentUser);
    Object value = body == null ? null : body.get("maxFileMegabytes");
    if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())) {
      throw new InvalidProjectRequestException("maxFileMegabytes", "Give maxFileMegabytes as a whole number of megabytes, 1 to 1024.");
    }
    projects.setMaxFileMegabytes(caller, number.intValue());
    return get();
  }
}
