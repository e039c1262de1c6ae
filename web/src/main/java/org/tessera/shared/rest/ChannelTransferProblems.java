package org.tessera.shared.rest;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.tessera.channels.domain.ChannelArchiveRejectedException;
import org.tessera.channels.domain.InvalidMirrorConfigException;
import org.tessera.channels.domain.MirrorFinishedException;
import org.tessera.channels.domain.MirrorRunNotFoundException;

/** Problem types of channel mirrors and archives (kept apart from {@link ProblemMappers} so that the channels work merges cleanly). */
public final class ChannelTransferProblems {

  private ChannelTransferProblems() {}

  private static String path(UriInfo uri) {
    return uri == null ? null : "/api/" + uri.getPath().replaceFirst("^/", "");
  }

  /** The mirror YAML: every problem with its key, line and column, as {@code errors}. */
  @Provider
  public static class InvalidMirrorConfig implements ExceptionMapper<InvalidMirrorConfigException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(InvalidMirrorConfigException e) {
      List<Problem.FieldError> errors = e.problems().stream()
          .map(p -> new Problem.FieldError((p.key() == null ? "config" : p.key()) + "@" + p.line() + ":" + p.column(), p.message() + " (line " + p.line() + ", column "
              + p.column() + ")"))
          .toList();
      return Problem.of(400, "invalid-mirror-config", "Invalid mirror configuration", e.getMessage()).withErrors(errors).at(path(uri)).toResponse();
    }
  }

  @Provider
  public static class MirrorRunNotFound implements ExceptionMapper<MirrorRunNotFoundException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(MirrorRunNotFoundException e) {
      return Problem.of(404, "mirror-not-found", "Mirror run not found", e.getMessage()).at(path(uri)).toResponse();
    }
  }

  @Provider
  public static class MirrorFinished implements ExceptionMapper<MirrorFinishedException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(MirrorFinishedException e) {
      return Problem.of(409, "mirror-finished", "Mirror run finished", e.getMessage()).at(path(uri)).toResponse();
    }
  }

  /** An archive that does not match its manifest, or is too large (413). */
  @Provider
  public static class ArchiveRejected implements ExceptionMapper<ChannelArchiveRejectedException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(ChannelArchiveRejectedException e) {
      return (e.tooLarge() ? Problem.of(413, "archive-too-large", "Archive too large", e.getMessage())
          : Problem.of(422, "channel-archive-rejected", "Channel archive rejected", e.getMessage())).at(path(uri)).toResponse();
    }
  }
}
