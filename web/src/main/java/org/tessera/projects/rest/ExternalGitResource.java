package org.tessera.projects.rest;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.tessera.identity.domain.UserProfile;
import org.tessera.identity.web.CurrentUser;
import org.tessera.projects.application.ExternalGitService;
import org.tessera.projects.rest.dto.ExternalGitSettingsRequest;
import org.tessera.projects.rest.dto.ExternalGitSettingsResponse;
import org.tessera.projects.rest.dto.MigrationRowResponse;

/**
 * {@code /api/v1/admin/external-git}: the external git service projects are mirrored to, and the
 * migration of existing projects to it (role {@code ae-admin}).
 */
@Path("/v1/admin/external-git")
@Produces(MediaType.APPLICATION_JSON)
public class ExternalGitResource {

  @EJB ExternalGitService externalGit;
  @Inject CurrentUser currentUser;

  private UserProfile caller() {
    return currentUser.profile().orElseThrow(() -> new NotAuthorizedException("Bearer"));
  }

  /** The setting without its token; {@code configured: false} when there is none. */
  @GET
  public ExternalGitSettingsResponse get() {
    return ExternalGitSettingsResponse.from(externalGit.settings(caller()));
  }

  /** Replaces the setting; leave {@code authToken} out to keep the stored token. */
  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public ExternalGitSettingsResponse put(ExternalGitSettingsRequest request) {
    // The service checks the role before the body, so a non-admin learns nothing from a bad body.
    return ExternalGitSettingsResponse.from(Optional.of(externalGit.save(caller(), request == null ? null : request.toRequest())));
  }

  /** Switches mirroring off and forgets the setting and its token. */
  @DELETE
  public Response delete() {
    externalGit.remove(caller());
    return Response.noContent().build();
  }

  /** Pushes every project with all branches and tags; answers one line per project. */
  @POST
  @Path("/migrate")
  public List<MigrationRowResponse> migrate() {
    return MigrationRowResponse.from(externalGit.migrate(caller()));
  }
}
