package org.tessera.sessions.rest;

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
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.tessera.identity.domain.UserProfile;
import org.tessera.identity.web.CurrentUser;
import org.tessera.projects.domain.ConflictResolution;
import org.tessera.projects.domain.InvalidProjectRequestException;
import org.tessera.projects.domain.SyncReport;
import org.tessera.sessions.application.SessionService;
import org.tessera.sessions.application.SessionView;
import org.tessera.sessions.domain.Editor;
import org.tessera.sessions.domain.SyncConflictException;
import org.tessera.sessions.rest.dto.CommitRequest;
import org.tessera.sessions.rest.dto.FetchRequest;
import org.tessera.sessions.rest.dto.SessionResponse;
import org.tessera.sessions.rest.dto.StartSessionRequest;
import org.tessera.sessions.rest.dto.SyncResponse;

/** Editor sessions: start from a project, list, show, stop, logs, and commit or fetch their work. */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public class SessionsResource {

  @EJB SessionService sessions;
  @Inject CurrentUser currentUser;

  private UserProfile caller() {
    return currentUser.profile().orElseThrow(() -> new NotAuthorizedException("Bearer"));
  }

  /** The caller's sessions; {@code all=true} lists everyone's for administrators. */
  @GET
  @Path("/sessions")
  public List<SessionResponse> list(@QueryParam("all") @DefaultValue("false") boolean all) {
    return sessions.list(caller(), all).stream().map(SessionResponse::from).toList();
  }

  @GET
  @Path("/sessions/{id}")
  public SessionResponse get(@PathParam("id") String id) {
    return SessionResponse.from(sessions.get(caller(), id));
  }

  /** Stops the session; its uncommitted changes end with it. */
  @DELETE
  @Path("/sessions/{id}")
  public Response stop(@PathParam("id") String id) {
    sessions.stop(caller(), id);
    return Response.noContent().build();
  }

  /**
   * The last {@code lines} lines as JSON; with {@code follow=true} the whole output as plain text,
   * streamed (chunked) as it is written until the session ends or the client goes away.
   */
  @GET
  @Path("/sessions/{id}/logs")
  @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
  public Response logs(@PathParam("id") String id, @QueryParam("lines") @DefaultValue("200") int lines, @QueryParam("follow") @DefaultValue("false") boolean follow) {
    if (!follow) {
      return Response.ok(Map.of("lines", sessions.logs(caller(), id, lines)), MediaType.APPLICATION_JSON_TYPE).build();
    }
    java.io.InputStream output = sessions.followLogs(caller(), id);
    jakarta.ws.rs.core.StreamingOutput stream = out -> {
      try (output) {
        byte[] buffer = new byte[8192];
        int n;
        while ((n = output.read(buffer)) >= 0) {
          out.write(buffer, 0, n);
          // Each piece goes out as a chunk at once: the client follows as it is written.
          out.flush();
        }
      }
    };
    return Response.ok(stream, MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).header("Cache-Control", "no-store").header("X-Accel-Buffering", "no").build();
  }

  /** Stops the editor if it runs and starts it again on the same checkout; 200 with the session. */
  @POST
  @Path("/sessions/{id}/restart")
  public SessionResponse restart(@PathParam("id") String id) {
    return SessionResponse.from(sessions.restart(caller(), id));
  }

  /** Files changed in the session since it last synchronised with the project. */
  @GET
  @Path("/sessions/{id}/changes")
  public Set<String> changes(@PathParam("id") String id) {
    return sessions.changes(caller(), id);
  }

  /** Commits the session's changes to the project; 409 lists conflicting files. */
  @POST
  @Path("/sessions/{id}/commit")
  @Consumes(MediaType.APPLICATION_JSON)
  public SyncResponse commit(@PathParam("id") String id, CommitRequest request) {
    CommitRequest body = request == null ? new CommitRequest(null, null, null, null) : request;
    SyncReport report = sessions.commit(caller(), id, body.message(), body.paths(), Boolean.TRUE.equals(body.proceed()), body.tag());
    if (!report.applied()) {
      throw SyncConflictException.onCommit(report.conflicts());
    }
    return SyncResponse.from(report);
  }

  /** Pulls the project's changes into the session; 409 lists conflicting files and the choices. */
  @POST
  @Path("/sessions/{id}/fetch")
  @Consumes(MediaType.APPLICATION_JSON)
  public SyncResponse fetch(@PathParam("id") String id, FetchRequest request) {
    ConflictResolution resolution = resolution(request == null ? null : request.resolution());
    SyncReport report = sessions.fetch(caller(), id, resolution);
    if (!report.applied()) {
      throw SyncConflictException.onFetch(report.conflicts());
    }
    return SyncResponse.from(report);
  }

  private static ConflictResolution resolution(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return ConflictResolution.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidProjectRequestException("resolution", "Resolution '" + value + "' is unknown; use theirs, mine or both.");
    }
  }

  /** The editors this installation can run. */
  @GET
  @Path("/editors")
  public List<Map<String, String>> editors() {
    return Editor.available().stream().map(e -> Map.of("key", e.key(), "name", e.label())).toList();
  }
}
