package org.tessera.deployments.rest;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import org.tessera.deployments.application.DeployRequest;
import org.tessera.deployments.application.DeploymentService;
import org.tessera.deployments.application.DeploymentView;
import org.tessera.deployments.rest.dto.CreateDeploymentRequest;
import org.tessera.deployments.rest.dto.DeploymentResponse;
import org.tessera.deployments.web.DeploymentTraffic;
import org.tessera.identity.domain.UserProfile;
import org.tessera.identity.web.CurrentUser;

/**
 * {@code /api/v1/projects/{id}/deployments}: a root resource of its own, because JAX-RS never
 * falls back from {@code /v1/projects} to another resource once that one matched the prefix.
 */
@Path("/v1/projects/{id}/deployments")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectDeploymentsResource {

  @EJB DeploymentService deployments;
  @Inject CurrentUser currentUser;
  @Inject DeploymentTraffic traffic;

  private UserProfile caller() {
    return currentUser.profile().orElseThrow(() -> new NotAuthorizedException("Bearer"));
  }

  /** Deploys a version of the project; 201 at once with status starting (or failed with the reason). */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(@PathParam("id") String projectId, CreateDeploymentRequest request) {
    CreateDeploymentRequest body = request == null ? new CreateDeploymentRequest(null, null, null, null, null, null, null) : request;
    DeploymentView view = deployments.create(caller(), projectId,
        new DeployRequest(body.name(), body.command(), body.revision(), body.resourceProfile(), body.isPublic(), body.staticUrl(), body.variables()));
    return Response.created(UriBuilder.fromPath("/api/v1/deployments/{id}").build(view.deployment().id())).entity(DeploymentResponse.from(view, traffic)).build();
  }

  @GET
  public List<DeploymentResponse> list(@PathParam("id") String projectId) {
    return deployments.ofProject(caller(), projectId).stream().map(v -> DeploymentResponse.from(v, traffic)).toList();
  }
}
