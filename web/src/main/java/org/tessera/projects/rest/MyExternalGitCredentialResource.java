package org.tessera.projects.rest;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.tessera.identity.domain.UserProfile;
import org.tessera.identity.web.CurrentUser;
import org.tessera.projects.application.ExternalGitService;
import org.tessera.projects.rest.dto.ExternalGitCredentialRequest;
import org.tessera.projects.rest.dto.ExternalGitCredentialResponse;

/**
 * {@code /api/v1/me/external-git-credential}: the caller's own user name and personal access token
 * on the external git service, with which Tessera pushes and pulls the caller's projects.
 */
@Path("/v1/me/external-git-credential")
@Produces(MediaType.APPLICATION_JSON)
public class MyExternalGitCredentialResource {

  @EJB ExternalGitService externalGit;
  @Inject CurrentUser currentUser;

  private UserProfile caller() {
    return currentUser.profile().orElseThrow(() -> new NotAuthorizedException("Bearer"));
  }

  /** {@code set} false when none is stored; the token is never returned. */
  @GET
  public ExternalGitCredentialResponse get() {
    return externalGit.credential(caller()).map(ExternalGitCredentialResponse::from).orElse(ExternalGitCredentialResponse.none());
  }

  /** Adds or replaces the credentials; the token is stored encrypted. */
  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public ExternalGitCredentialResponse put(ExternalGitCredentialRequest request) {
    ExternalGitCredentialRequest body = request == null ? new ExternalGitCredentialRequest(null, null) : request;
    return ExternalGitCredentialResponse.from(externalGit.setCredential(caller(), body.username(), body.token()));
  }

  /** Forgets them; 204, also when there were none. */
  @DELETE
  public Response delete() {
    externalGit.removeCredential(caller());
    return Response.noContent().build();
  }
}
