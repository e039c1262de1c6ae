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
      boolean tooLarge = e.getMessage().contains("larger than the import limit");
      return (tooLarge ? Problem.of(413, "archive-too-large", "Archive too large", e.getMessage())
          : Problem.of(422, "channel-archive-rejected", "Channel archive rejected", e.getMessage())).at(path(uri)).toResponse();
    }
  }

  // The channel refusals mirrors and archives raise too. The channels API maps them as well; the
  // merge keeps one mapping per exception (these agree with it: 404, 403, 400 with the field).

  @Provider
  public static class ChannelNotFound implements ExceptionMapper<org.tessera.channels.domain.ChannelNotFoundException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(org.tessera.channels.domain.ChannelNotFoundException e) {
      return Problem.of(404, "channel-not-found", "Channel not found", e.getMessage()).at(path(uri)).toResponse();
    }
  }

  @Provider
  public static class ChannelAccessDenied implements ExceptionMapper<org.tessera.channels.domain.ChannelAccessDeniedException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(org.tessera.channels.domain.ChannelAccessDeniedException e) {
      return Problem.of(403, "channel-access-denied", "Not allowed", e.getMessage()).at(path(uri)).toResponse();
    }
  }

  @Provider
  public static class InvalidChannelRequest implements ExceptionMapper<org.tessera.channels.domain.InvalidChannelRequestException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(org.tessera.channels.domain.InvalidChannelRequestException e) {
      return Problem.of(400, "invalid-channel-request", "Invalid request", e.getMessage()).withErrors(List.of(new Problem.FieldError(e.field(), e.getMessage())))
          .at(path(uri)).toResponse();
    }
  }
}
