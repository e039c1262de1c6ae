package org.tessera.projects.rest;

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
import org.tessera.identity.domain.UserProfile;
import org.tessera.identity.web.CurrentUser;
import org.tessera.projects.application.ProjectService;
import org.tessera.projects.domain.Project;
import org.tessera.projects.rest.dto.CreateProjectRequest;
import org.tessera.projects.rest.dto.ProjectDetailResponse;
import org.tessera.projects.rest.dto.ProjectResponse;
import org.tessera.shared.web.PlatformSettings;

/** {@code /api/v1/projects}: create, list and show projects. */
@Path("/v1/projects")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectsResource {

  @EJB ProjectService projects;
  @Inject CurrentUser currentUser;

  private UserProfile caller() {
    return currentUser.profile().orElseThrow(() -> new NotAuthorizedException("Bearer"));
  }

  /** Creates a project from a template; 201 with its id and git URL. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(CreateProjectRequest request) {
    CreateProjectRequest body = request == null ? new CreateProjectRequest(null, null, null) : request;
    Project project = projects.create(caller(), body.name(), body.template(), body.description());
    return Response.created(UriBuilder.fromPath("/api/v1/projects/{id}").build(project.id().value()))
        .entity(ProjectResponse.from(project, PlatformSettings.publicUrl()))
        .build();
  }

  @GET
  public List<ProjectResponse> list() {
    return projects.list(caller()).stream().map(p -> ProjectResponse.from(p, PlatformSettings.publicUrl())).toList();
  }

  /** A project with the commands, packages and variables of its anaconda-project.yml. */
  @GET
  @Path("/{id}")
  public ProjectDetailResponse get(@PathParam("id") String id) {
    UserProfile caller = caller();
    Project project = projects.get(caller, id);
    return ProjectDetailResponse.from(ProjectResponse.from(project, PlatformSettings.publicUrl()), projects.spec(caller, id));
  }
}
