package org.tessera.deployments.rest;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.tessera.deployments.application.DeploymentService;
import org.tessera.deployments.domain.InvalidDeploymentRequestException;
import org.tessera.identity.domain.UserProfile;
import org.tessera.identity.web.CurrentUser;
import org.tessera.shared.rest.ApiCallers;

/** {@code /api/v1/admin/deployment-settings}: how long a deployment may take to start serving. */
@Path("/v1/admin/deployment-settings")
@Produces(MediaType.APPLICATION_JSON)
public class DeploymentSettingsResource {

  @EJB DeploymentService deployments;
  @Inject CurrentUser currentUser;

  @GET
  public Map<String, Integer> get() {
    ApiCallers.admin(currentUser);
    return Map.of("startTimeoutSeconds", deployments.startTimeoutSeconds());
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public Map<String, Integer> put(Map<String, Object> body) {
    UserProfile caller = ApiCallers.admin(currentUser);
    Object seconds = body == null ? null : body.get("startTimeoutSeconds");
    if (!(seconds instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())) {
      throw new InvalidDeploymentRequestException("startTimeoutSeconds", "Give startTimeoutSeconds as a whole number of seconds, from 5 to 3600.");
    }
    deployments.setStartTimeoutSeconds(caller, number.intValue());
    return Map.of("startTimeoutSeconds", deployments.startTimeoutSeconds());
  }
}
