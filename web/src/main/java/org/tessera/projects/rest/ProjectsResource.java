package org.tessera.projects.rest;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import org.tessera.identity.domain.UserProfile;
import org.tessera.identity.web.CurrentUser;
import org.tessera.projects.application.ExternalGitService;
import org.tessera.projects.application.ProjectService;
import org.tessera.projects.domain.MirrorStatus;
import org.tessera.projects.domain.PullResult;
import org.tessera.projects.domain.ArchiveFormat;
import org.tessera.projects.domain.Collaborator;
import org.tessera.projects.domain.InvalidCollaboratorException;
import org.tessera.projects.domain.Project;
import org.tessera.projects.domain.ProjectAccess;
import org.tessera.projects.domain.ProjectCommit;
import org.tessera.projects.domain.ProjectFileEntry;
import org.tessera.projects.domain.ProjectTag;
import org.tessera.projects.rest.dto.ActivityResponse;
import org.tessera.projects.rest.dto.CollaboratorRequest;
import org.tessera.projects.rest.dto.CollaboratorResponse;
import org.tessera.projects.rest.dto.CreateProjectRequest;
import org.tessera.projects.rest.dto.DiffResponse;
import org.tessera.projects.rest.dto.ProjectDetailResponse;
import org.tessera.projects.rest.dto.ProjectResponse;
import org.tessera.projects.rest.dto.TagRequest;
import org.tessera.projects.rest.dto.TransferRequest;
import org.tessera.shared.web.PlatformSettings;

/** {@code /api/v1/projects}: projects, their versions, files, collaborators and activity. */
@Path("/v1/projects")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectsResource {

  @EJB ProjectService projects;
  @EJB ExternalGitService externalGit;
  @Inject CurrentUser currentUser;

  private UserProfile caller() {
    return currentUser.profile().orElseThrow(() -> new NotAuthorizedException("Bearer"));
  }

  private static ProjectResponse response(Project project) {
    return ProjectResponse.from(project, PlatformSettings.publicUrl());
  }

  private static Response created(Project project) {
    return Response.created(UriBuilder.fromPath("/api/v1/projects/{id}").build(project.id().value())).entity(response(project)).build();
  }

  /** Creates a project from a template; 201 with its id and git URL. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(CreateProjectRequest request) {
    CreateProjectRequest body = request == null ? new CreateProjectRequest(null, null, null) : request;
    return created(projects.create(caller(), body.name(), body.template(), body.description()));
  }

  /**
   * Creates a project from the archive in the request body ({@code .tar.gz}, {@code .tar.bz2} or
   * {@code .zip}, named by {@code filename}, up to 1 GB), streamed to disk.
   */
  @POST
  @Path("/upload")
  @Consumes(MediaType.WILDCARD)
  public Response upload(@QueryParam("name") String name, @QueryParam("filename") String filename, @QueryParam("description") String description, InputStream body)
      throws IOException {
    UserProfile caller = caller();
    projects.checkCreate(caller, name);
    java.nio.file.Path archive = Uploads.receive(body);
    try {
      return created(projects.createFromArchive(caller, name, description, archive, filename == null ? "" : filename));
    } finally {
      Files.deleteIfExists(archive);
    }
  }

  @GET
  public List<ProjectResponse> list() {
    return projects.list(caller()).stream().map(ProjectsResource::response).toList();
  }

  /** A project with the commands, packages and variables of its anaconda-project.yml. */
  @GET
  @Path("/{id}")
  public ProjectDetailResponse get(@PathParam("id") String id) {
    UserProfile caller = caller();
    Project project = projects.get(caller, id);
    return ProjectDetailResponse.from(response(project), projects.accessOf(caller, project), project.collaborators().stream().map(CollaboratorResponse::from).toList(), projects.spec(caller, id, null));
  }

  /** Deletes the project and its repository; 409 while sessions or deployments use it. */
  @DELETE
  @Path("/{id}")
  public Response delete(@PathParam("id") String id) {
    projects.delete(caller(), id);
    return Response.noContent().build();
  }

  /** The owner's settings of the project: {@code allowHistoryRewrite} lets pushes force-update main. */
  @jakarta.ws.rs.PUT
  @Path("/{id}/settings")
  @Consumes(MediaType.APPLICATION_JSON)
  public ProjectResponse settings(@PathParam("id") String id, java.util.Map<String, Object> body) {
    Object allow = body == null ? null : body.get("allowHistoryRewrite");
    if (!(allow instanceof Boolean allowed)) {
      throw new org.tessera.projects.domain.InvalidProjectRequestException("allowHistoryRewrite", "Give allowHistoryRewrite as true or false.");
    }
    return response(projects.allowHistoryRewrite(caller(), id, allowed));
  }

  @GET
  @Path("/{id}/collaborators")
  public List<CollaboratorResponse> collaborators(@PathParam("id") String id) {
    return projects.get(caller(), id).collaborators().stream().map(CollaboratorResponse::from).toList();
  }

  /** Shares the project with a user or a group, or changes the permission of a share. */
  @POST
  @Path("/{id}/collaborators")
  @Consumes(MediaType.APPLICATION_JSON)
  public List<CollaboratorResponse> share(@PathParam("id") String id, CollaboratorRequest request) {
    CollaboratorRequest body = request == null ? new CollaboratorRequest(null, null, null) : request;
    boolean user = body.user() != null && !body.user().isBlank();
    boolean group = body.group() != null && !body.group().isBlank();
    if (user == group) {
      throw new InvalidCollaboratorException("Give exactly one of \"user\" or \"group\" to share with.");
    }
    ProjectAccess access = ProjectAccess.shareable(body.permission() == null ? "read" : body.permission());
    Project project = projects.share(caller(), id, user ? Collaborator.Kind.USER : Collaborator.Kind.GROUP, user ? body.user() : body.group(), access);
    return project.collaborators().stream().map(CollaboratorResponse::from).toList();
  }

  @DELETE
  @Path("/{id}/collaborators/{kind}/{name}")
  public Response unshare(@PathParam("id") String id, @PathParam("kind") String kind, @PathParam("name") String name) {
    Collaborator.Kind collaboratorKind = switch (kind.toLowerCase(Locale.ROOT)) {
      case "user", "users" -> Collaborator.Kind.USER;
      case "group", "groups" -> Collaborator.Kind.GROUP;
      default -> throw new InvalidCollaboratorException("'" + kind + "' is neither user nor group; remove shares at .../collaborators/user/NAME or .../collaborators/group/NAME.");
    };
    projects.unshare(caller(), id, collaboratorKind, name);
    return Response.noContent().build();
  }

  /** Gives the project to another user; the previous owner keeps write access. */
  @POST
  @Path("/{id}/transfer")
  @Consumes(MediaType.APPLICATION_JSON)
  public ProjectResponse transfer(@PathParam("id") String id, TransferRequest request) {
    return response(projects.transfer(caller(), id, request == null ? null : request.owner()));
  }

  @GET
  @Path("/{id}/commits")
  public List<ProjectCommit> commits(@PathParam("id") String id, @QueryParam("revision") String revision, @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
    return projects.history(caller(), id, revision, page, size);
  }

  @GET
  @Path("/{id}/commits/{commit}/diff")
  public DiffResponse diff(@PathParam("id") String id, @PathParam("commit") String commit) {
    return new DiffResponse(commit, projects.diff(caller(), id, commit));
  }

  @GET
  @Path("/{id}/files")
  public List<ProjectFileEntry> files(@PathParam("id") String id, @QueryParam("revision") String revision) {
    return projects.files(caller(), id, revision);
  }

  /** One file's content as it is stored (up to 1 MB). */
  @GET
  @Path("/{id}/files/{path: .+}")
  @Produces({MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_JSON})
  public Response file(@PathParam("id") String id, @PathParam("path") String path, @QueryParam("revision") String revision) {
    return Response.ok(projects.file(caller(), id, revision, path), MediaType.APPLICATION_OCTET_STREAM).build();
  }

  @GET
  @Path("/{id}/tags")
  public List<ProjectTag> tags(@PathParam("id") String id) {
    return projects.tags(caller(), id);
  }

  /** Tags a commit (default: the newest of main) as a version; needs write access. */
  @POST
  @Path("/{id}/tags")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response tag(@PathParam("id") String id, TagRequest request) {
    TagRequest body = request == null ? new TagRequest(null, null, null) : request;
    ProjectTag tag = projects.tag(caller(), id, body.name(), body.revision(), body.message());
    return Response.created(UriBuilder.fromPath("/api/v1/projects/{id}/tags/{name}").build(id, tag.name())).entity(tag).build();
  }

  /** Where the project is mirrored on the external git service and how the newest push and pull went. */
  @GET
  @Path("/{id}/external")
  public MirrorStatus external(@PathParam("id") String id) {
    return externalGit.status(caller(), id);
  }

  /** Fast-forwards main from the external repository and adds its new tags; needs write access. */
  @POST
  @Path("/{id}/external/pull")
  public PullResult pull(@PathParam("id") String id) {
    return externalGit.pull(caller(), id);
  }

  /** A version as an archive: {@code format} is tar.gz (default) or zip. */
  @GET
  @Path("/{id}/archive")
  @Produces({"application/gzip", "application/zip", MediaType.APPLICATION_JSON})
  public Response archive(@PathParam("id") String id, @QueryParam("revision") String revision, @QueryParam("format") String format) {
    UserProfile caller = caller();
    ArchiveFormat archiveFormat = ArchiveFormat.byExtension(format);
    Project project = projects.get(caller, id);
    // Resolve before streaming so that an unknown revision is a 400, not a broken download.
    projects.files(caller, id, revision);
    String fileName = project.name() + (revision == null || revision.isBlank() ? "" : "-" + revision.replaceAll("[^A-Za-z0-9._-]", "_")) + "." + archiveFormat.extension();
    StreamingOutput stream = out -> projects.download(caller, id, revision, archiveFormat, out);
    return Response.ok(stream, archiveFormat.mediaType()).header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
  }

  /** What happened to the project, newest first; {@code action} filters by prefix. */
  @GET
  @Path("/{id}/activity")
  public ActivityResponse activity(@PathParam("id") String id, @QueryParam("action") String action, @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
    return ActivityResponse.from(projects.activity(caller(), id, action, page, size));
  }
}
