package org.tessera.shared.rest;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.tessera.shared.application.HealthService;
import org.tessera.shared.application.Readiness;

/**
 * Liveness and readiness for launchers, load balancers and Kubernetes probes; no token needed.
 * Live means the server answers; ready means its dependencies do too (503 otherwise).
 */
@Path("/v1/health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

  @EJB HealthService health;

  @GET
  @Path("/live")
  public Status live() {
    return new Status("UP", List.of());
  }

  @GET
  @Path("/ready")
  public Response ready() {
    Readiness readiness = health.readiness();
    Status status = new Status(readiness.ready() ? "UP" : "DOWN", readiness.checks());
    return Response.status(readiness.ready() ? 200 : 503).entity(status).build();
  }

  /** Overall status and the individual checks. */
  public record Status(String status, List<Readiness.Check> checks) {}
}
