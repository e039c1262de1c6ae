package org.tessera.shared.rest;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tessera.audit.domain.InvalidAuditQueryException;
import org.tessera.shared.web.ErrorPageServlet;

/**
 * Every exception that leaves a resource becomes problem+json here, and only here. Resources never
 * catch exceptions to build error responses.
 */
public final class ProblemMappers {

  private ProblemMappers() {}

  private static String path(UriInfo uri) {
    return uri == null ? null : "/api/" + uri.getPath().replaceFirst("^/", "");
  }

  /** Errors JAX-RS itself raises (unknown path, wrong method, unreadable body) and those we throw. */
  @Provider
  public static class WebApplication implements ExceptionMapper<WebApplicationException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(WebApplicationException e) {
      int status = e.getResponse().getStatus();
      return fromStatus(status, e).at(path(uri)).toResponse();
    }

    private Problem fromStatus(int status, WebApplicationException e) {
      return switch (status) {
        case 400 -> Problem.of(400, "invalid-request", "Invalid request",
            "The request could not be read: " + e.getMessage() + ". Fix the request and retry.");
        case 406 -> Problem.of(406, "not-acceptable", "Not acceptable",
            "This resource answers with JSON; send Accept: application/json.");
        case 415 -> Problem.of(415, "unsupported-media-type", "Unsupported media type",
            "Send the body as application/json.");
        default -> ErrorPageServlet.problemFor(status, path(uri));
      };
    }
  }

  /** Bean Validation on resource and service parameters. */
  @Provider
  public static class ConstraintViolations implements ExceptionMapper<ConstraintViolationException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(ConstraintViolationException e) {
      List<Problem.FieldError> errors =
          e.getConstraintViolations().stream()
              .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
              .sorted(Comparator.comparing(Problem.FieldError::field))
              .toList();
      return Problem.of(400, "validation", "Invalid input", "Some fields are invalid; correct them and retry.")
          .withErrors(errors)
          .at(path(uri))
          .toResponse();
    }

    private static String fieldOf(ConstraintViolation<?> violation) {
      String path = violation.getPropertyPath().toString();
      int dot = path.lastIndexOf('.');
      return dot < 0 ? path : path.substring(dot + 1);
    }
  }

  /** A role check in an application service refused the caller. */
  @Provider
  public static class AccessDenied implements ExceptionMapper<EJBAccessException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(EJBAccessException e) {
      return ErrorPageServlet.problemFor(403, path(uri)).at(path(uri)).toResponse();
    }
  }

  @Provider
  public static class InvalidAuditQuery implements ExceptionMapper<InvalidAuditQueryException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(InvalidAuditQueryException e) {
      return Problem.of(400, "invalid-audit-query", "Invalid audit query", e.getMessage())
          .withErrors(List.of(new Problem.FieldError(e.field(), e.getMessage())))
          .at(path(uri))
          .toResponse();
    }
  }

  @Provider
  public static class InvalidPermissionGrants implements ExceptionMapper<org.tessera.identity.domain.InvalidPermissionGrantsException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(org.tessera.identity.domain.InvalidPermissionGrantsException e) {
      return Problem.of(400, "invalid-permission-lists", "Invalid permission lists", e.getMessage())
          .withErrors(List.of(new Problem.FieldError(e.field(), e.getMessage())))
          .at(path(uri))
          .toResponse();
    }
  }

  @Provider
  public static class UnknownPermission implements ExceptionMapper<org.tessera.identity.domain.UnknownPermissionException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(org.tessera.identity.domain.UnknownPermissionException e) {
      return Problem.of(404, "unknown-permission", "Unknown permission", e.getMessage()).at(path(uri)).toResponse();
    }
  }

  /** A platform permission the caller lacks: the message names it and who can grant it. */
  @Provider
  public static class PermissionDenied implements ExceptionMapper<org.tessera.identity.domain.PermissionDeniedException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(org.tessera.identity.domain.PermissionDeniedException e) {
      return Problem.of(403, "permission-denied", "Not allowed", e.getMessage()).at(path(uri)).toResponse();
    }
  }

  /**
   * Domain refusals without a mapper of their own, by case: the status, a stable type, and the
   * field to fix where there is one. The exception's message is the detail.
   */
  @Provider
  public static class DomainRefusals implements ExceptionMapper<org.tessera.shared.domain.DomainException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(org.tessera.shared.domain.DomainException e) {
      Problem problem =
          switch (e) {
            case org.tessera.projects.domain.InvalidProjectNameException x ->
                Problem.of(400, "invalid-project-name", "Invalid project name", x.getMessage()).withErrors(List.of(new Problem.FieldError("name", x.getMessage())));
            case org.tessera.projects.domain.UnknownProjectTemplateException x ->
                Problem.of(400, "unknown-template", "Unknown template", x.getMessage()).withErrors(List.of(new Problem.FieldError("template", x.getMessage())));
            case org.tessera.projects.domain.ProjectAlreadyExistsException x -> Problem.of(409, "project-exists", "Project exists", x.getMessage());
            case org.tessera.projects.domain.ProjectNotFoundException x -> Problem.of(404, "project-not-found", "Project not found", x.getMessage());
            case org.tessera.projects.domain.ArchiveRejectedException x -> Problem.of(422, "archive-rejected", "Archive rejected", x.getMessage());
            case org.tessera.projects.domain.InvalidProjectSpecException x ->
                Problem.of(422, "invalid-anaconda-project-yml", "Invalid anaconda-project.yml", x.getMessage())
                    .withErrors(x.problems().stream().map(p -> new Problem.FieldError("anaconda-project.yml:" + p.line() + ":" + p.column(), p.message())).toList());
            case org.tessera.projects.domain.InvalidCollaboratorException x -> Problem.of(400, "invalid-share", "Invalid share", x.getMessage());
            case org.tessera.projects.domain.CollaboratorNotFoundException x -> Problem.of(404, "share-not-found", "Not shared", x.getMessage());
            case org.tessera.projects.domain.ProjectAccessDeniedException x -> Problem.of(403, "project-access-denied", "Not allowed", x.getMessage());
            case org.tessera.projects.domain.ProjectInUseException x ->
                Problem.of(409, "project-in-use", "Project in use", x.getMessage()).withErrors(x.blockers().stream().map(b -> new Problem.FieldError("blocker", b)).toList());
            case org.tessera.projects.domain.InvalidRevisionException x -> Problem.of(400, "invalid-revision", "Invalid revision", x.getMessage());
            case org.tessera.projects.domain.TagExistsException x -> Problem.of(409, "version-exists", "Version exists", x.getMessage());
            case org.tessera.projects.domain.InvalidProjectRequestException x ->
                Problem.of(400, "invalid-request", "Invalid request", x.getMessage()).withErrors(List.of(new Problem.FieldError(x.field(), x.getMessage())));
            case org.tessera.sessions.domain.SyncConflictException x ->
                Problem.of(409, "sync-conflict", "Conflicting changes", x.getMessage()).withErrors(x.conflicts().stream().map(c -> new Problem.FieldError(c, "changed in the session and in the project")).toList());
            case org.tessera.sessions.domain.SessionNotFoundException x -> Problem.of(404, "session-not-found", "Session not found", x.getMessage());
            case org.tessera.sessions.domain.SessionNotRunningException x -> Problem.of(409, "session-not-running", "Session not running", x.getMessage());
            case org.tessera.sessions.domain.EditorUnavailableException x ->
                Problem.of(400, "editor-unavailable", "Editor unavailable", x.getMessage()).withErrors(List.of(new Problem.FieldError("editor", x.getMessage())));
            case org.tessera.runtime.domain.InvalidResourceProfileException x ->
                Problem.of(400, "invalid-resource-profile", "Invalid resource profile", x.getMessage()).withErrors(List.of(new Problem.FieldError(x.field(), x.getMessage())));
            case org.tessera.runtime.domain.ResourceProfileNotFoundException x -> Problem.of(404, "resource-profile-not-found", "Resource profile not found", x.getMessage());
            case org.tessera.runtime.domain.ResourceProfileInUseException x ->
                Problem.of(409, "resource-profile-in-use", "Resource profile in use", x.getMessage()).withErrors(x.users().stream().map(u -> new Problem.FieldError("usedBy", u)).toList());
            case org.tessera.projects.domain.InvalidExternalGitSettingsException x ->
                Problem.of(400, "invalid-external-git", "Invalid external git setting", x.getMessage())
                    .withErrors(x.errors().entrySet().stream().map(f -> new Problem.FieldError(f.getKey(), f.getValue())).sorted(Comparator.comparing(Problem.FieldError::field)).toList());
            case org.tessera.projects.domain.ExternalGitNotConfiguredException x -> Problem.of(409, "external-git-not-configured", "No external git service", x.getMessage());
            case org.tessera.projects.domain.ExternalGitCredentialMissingException x ->
                Problem.of(409, "external-git-credential-missing", "No personal access token for the external git service", x.getMessage());
            case org.tessera.projects.domain.PullRefusedException x -> Problem.of(409, "pull-refused", "Pull refused", x.getMessage());
            case org.tessera.projects.domain.ExternalGitFailedException x -> Problem.of(502, "external-git-failed", "External git service failed", x.getMessage());
            case org.tessera.identity.domain.InvalidAccessTokenException x ->
                Problem.of(400, "invalid-token-request", "Invalid token request", x.getMessage()).withErrors(List.of(new Problem.FieldError(x.field(), x.getMessage())));
            case org.tessera.identity.domain.AccessTokenAlreadyExistsException x -> Problem.of(409, "token-exists", "Token name in use", x.getMessage());
            case org.tessera.identity.domain.AccessTokenNotFoundException x -> Problem.of(404, "token-not-found", "Token not found", x.getMessage());
            case org.tessera.identity.domain.InvalidGroupRulesException x ->
                Problem.of(400, "invalid-group-rules", "Invalid group rules", x.getMessage())
                    .withErrors(x.problems().stream().map(p -> new Problem.FieldError(p.field(), p.message())).toList());
            case org.tessera.identity.domain.DirectoryUserNotFoundException x -> Problem.of(404, "directory-user-not-found", "No such directory user", x.getMessage());
            case org.tessera.identity.domain.InvalidDirectoryException x ->
                Problem.of(400, "invalid-directory", "Invalid directory settings", x.getMessage())
                    .withErrors(x.problems().stream().map(p -> new Problem.FieldError(p.field(), p.message())).toList());
            case org.tessera.identity.domain.DirectoryNotFoundException x -> Problem.of(404, "directory-not-found", "Directory not found", x.getMessage());
            case org.tessera.identity.domain.DirectoryAlreadyExistsException x ->
                Problem.of(409, "directory-exists", "Directory exists", x.getMessage()).withErrors(List.of(new Problem.FieldError("name", x.getMessage())));
            case org.tessera.identity.domain.DirectoryProviderUnavailableException x -> Problem.of(502, "keycloak-unavailable", "Keycloak unavailable", x.getMessage());
            case org.tessera.deployments.domain.InvalidDeploymentRequestException x ->
                Problem.of(400, "invalid-deployment-request", "Invalid deployment request", x.getMessage()).withErrors(List.of(new Problem.FieldError(x.field(), x.getMessage())));
            case org.tessera.deployments.domain.DeploymentExistsException x ->
                Problem.of(409, "deployment-exists", "Name or URL taken", x.getMessage()).withErrors(List.of(new Problem.FieldError(x.field(), x.getMessage())));
            case org.tessera.deployments.domain.DeploymentNotFoundException x -> Problem.of(404, "deployment-not-found", "Deployment not found", x.getMessage());
            case org.tessera.deployments.domain.NotDeployableException x -> Problem.of(422, "not-deployable", "Not deployable", x.getMessage());
            case org.tessera.deployments.domain.DeploymentAccessDeniedException x -> Problem.of(403, "deployment-access-denied", "Not allowed", x.getMessage());
            case org.tessera.identity.domain.InvalidIdentityProviderException x ->
                Problem.of(400, "invalid-identity-provider", "Invalid identity provider settings", x.getMessage())
                    .withErrors(x.problems().stream().map(p -> new Problem.FieldError(p.field(), p.message())).toList());
            case org.tessera.identity.domain.IdentityProviderNotFoundException x -> Problem.of(404, "identity-provider-not-found", "Identity provider not found", x.getMessage());
            case org.tessera.identity.domain.IdentityProviderAlreadyExistsException x ->
                Problem.of(409, "identity-provider-exists", "Identity provider exists", x.getMessage()).withErrors(List.of(new Problem.FieldError("alias", x.getMessage())));
            case org.tessera.identity.domain.UserNotFoundException x -> Problem.of(404, "user-not-found", "User not found", x.getMessage());
            case org.tessera.identity.domain.GroupNotFoundException x -> Problem.of(404, "group-not-found", "Group not found", x.getMessage());
            case org.tessera.identity.domain.InvalidUserRequestException x ->
                Problem.of(400, "invalid-user-request", "Invalid request", x.getMessage()).withErrors(List.of(new Problem.FieldError(x.field(), x.getMessage())));
            case org.tessera.identity.domain.LastAdministratorException x -> Problem.of(409, "last-administrator", "Last administrator", x.getMessage());
            case org.tessera.identity.domain.InvalidRealmSettingsException x ->
                Problem.of(400, "invalid-realm-settings", "Invalid realm settings", x.getMessage())
                    .withErrors(x.problems().stream().map(p -> new Problem.FieldError(p.field(), p.message())).toList());
            case org.tessera.channels.domain.InvalidChannelRequestException x ->
                Problem.of(400, "invalid-channel-request", "Invalid channel request", x.getMessage()).withErrors(List.of(new Problem.FieldError(x.field(), x.getMessage())));
            case org.tessera.channels.domain.ChannelExistsException x -> Problem.of(409, "channel-exists", "Channel exists", x.getMessage());
            case org.tessera.channels.domain.ChannelNotFoundException x -> Problem.of(404, "channel-not-found", "Channel not found", x.getMessage());
            case org.tessera.channels.domain.ChannelShareNotFoundException x -> Problem.of(404, "share-not-found", "Not shared", x.getMessage());
            case org.tessera.channels.domain.ChannelAccessDeniedException x -> Problem.of(403, "channel-access-denied", "Not allowed", x.getMessage());
            case org.tessera.channels.domain.PackageNotFoundException x -> Problem.of(404, "package-not-found", "Package not found", x.getMessage());
            case org.tessera.channels.domain.PackageFileExistsException x -> Problem.of(409, "package-file-exists", "File exists", x.getMessage());
            case org.tessera.channels.domain.PackageRejectedException x -> Problem.of(422, "package-rejected", "Package rejected", x.getMessage());
            default -> Problem.of(422, "refused", "Refused", e.getMessage());
          };
      return problem.at(path(uri)).toResponse();
    }
  }

  /**
   * Anything else is our fault: log it with an id the user can quote, and say nothing about the
   * internals. EJB system exceptions are unwrapped first so that a wrapped known case still maps.
   */
  @Provider
  public static class Unexpected implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(Unexpected.class.getName());

    @Context UriInfo uri;
    @Context jakarta.ws.rs.ext.Providers providers;

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Response toResponse(Throwable e) {
      if (e instanceof EJBException ejb && ejb.getCause() != null && ejb.getCause() != e) {
        Throwable cause = ejb.getCause();
        ExceptionMapper mapper = providers.getExceptionMapper(cause.getClass());
        if (mapper != null && !(mapper instanceof Unexpected)) {
          return mapper.toResponse(cause);
        }
      }
      String incident = UUID.randomUUID().toString();
      LOG.log(Level.SEVERE, "Unexpected error, incident " + incident + " at " + path(uri), e);
      return Problem.of(500, "server-error", "Something went wrong",
              "Tessera could not complete the request (incident " + incident + "). Retry; if it fails again, give the incident id to an administrator.")
          .at(path(uri))
          .toResponse();
    }
  }
}
