package org.tessera.sessions.rest;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.tessera.identity.web.CurrentUser;
import org.tessera.sessions.application.SessionService;
import org.tessera.sessions.application.SessionView;
import org.tessera.sessions.rest.dto.SessionResponse;
import org.tessera.sessions.rest.dto.StartSessionRequest;

/**
 * {@code /api/v1/projects/{id}/sessions}: a root resource of its own, because JAX-RS never falls
 * back from {@code /v1/projects} to another resource once that one matched the prefix.
 */
@Path("/v1/projects/{id}/sessions")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectSessionsResource {

  @EJB SessionService sessions;
  @Inject CurrentUser currentUser;

  /** Starts a session; 201 at once with status starting (or failed with the reason). */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response start(@PathParam("id") String projectId, StartSessionRequest request) {
    StartSessionRequest body = request == null ? new StartSessionRequest(null, null) : request;
    SessionView view = sessions.start(currentUser.profile().orElseThrow(() -> new NotAuthorizedException("Bearer")), projectId, body.editor(), body.resourceProfile());
    return Response.created(UriBuilder.fromPath("/api/v1/sessions/{id}").build(view.session().id())).entity(SessionResponse.from(view)).build();
  }

}
