package org.tessera.channels.rest;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
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
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.tessera.channels.application.MirrorRunView;
import org.tessera.channels.application.MirrorService;
import org.tessera.channels.rest.dto.MirrorResponse;
import org.tessera.channels.rest.dto.StartMirrorRequest;
import org.tessera.identity.domain.UserProfile;
import org.tessera.identity.web.CurrentUser;

/** Mirror runs: start (JSON or the raw YAML), list, show with per-file results, logs (optionally followed), cancel. */
@Path("/v1/mirrors")
@Produces(MediaType.APPLICATION_JSON)
public class MirrorsResource {

  private static final long FOLLOW_POLL_MILLIS = 1000;

  @EJB MirrorService mirrors;
  @EJB org.tessera.channels.application.ChannelTransferService transfers;
  @Inject CurrentUser currentUser;

  private UserProfile caller() {
    return currentUser.profile().orElseThrow(() -> new NotAuthorizedException("Bearer"));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response start(StartMirrorRequest request) {
    if (request == null || request.type() == null || request.config() == null) {
      throw new BadRequestException("send {\"type\": \"conda\" or \"pypi\", \"config\": \"<the mirror YAML>\", \"clean\": false}");
    }
    return accepted(mirrors.start(caller(), request.type(), request.config(), Boolean.TRUE.equals(request.clean())));
  }

  /** The YAML file as the body, as {@code cas-sync-api-v5 --file} takes it; {@code type} and {@code clean} as query parameters. */
  @POST
  @Consumes({"application/yaml", "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN})
  public Response startYaml(@QueryParam("type") @DefaultValue("conda") String type, @QueryParam("clean") @DefaultValue("false") boolean clean, String yaml) {
    return accepted(mirrors.start(caller(), type, yaml == null ? "" : yaml, clean));
  }

  private static Response accepted(MirrorRunView run) {
    return Response.accepted(MirrorResponse.from(run)).header("Location", "/api/v1/mirrors/" + run.id()).build();
  }

  @GET
  public List<MirrorResponse> list() {
    return mirrors.list(caller()).stream().map(MirrorResponse::from).toList();
  }

  @GET
  @Path("/{id}")
  public MirrorResponse get(@PathParam("id") String id) {
    return MirrorResponse.from(mirrors.get(caller(), id));
  }

  /** What the run brought into its channel, as an air-gap archive ({@code tessera channels import} takes it). */
  @GET
  @Path("/{id}/export")
  @Produces({ChannelExportResource.TAR, MediaType.APPLICATION_JSON})
  public Response export(@PathParam("id") String id) {
    return ChannelExportResource.archive(transfers.exportMirror(caller(), id));
  }

  @POST
  @Path("/{id}/cancel")
  public MirrorResponse cancel(@PathParam("id") String id) {
    return MirrorResponse.from(mirrors.cancel(caller(), id));
  }

  /** The log as JSON lines ({@code seq}, {@code at}, {@code line}); {@code after} returns only newer lines. */
  @GET
  @Path("/{id}/logs")
  @Produces(MediaType.APPLICATION_JSON)
  public java.util.Map<String, List<MirrorRunView.LogLine>> logLines(@PathParam("id") String id, @QueryParam("after") @DefaultValue("-1") long after) {
    return java.util.Map.of("lines", mirrors.logs(caller(), id, after, 10_000));
  }

  /** The log as text, one line each with its time; {@code follow=true} keeps the response open until the run finishes. */
  @GET
  @Path("/{id}/logs")
  @Produces(MediaType.TEXT_PLAIN)
  public Response logs(@PathParam("id") String id, @QueryParam("follow") @DefaultValue("false") boolean follow) {
    UserProfile caller = caller();
    List<MirrorRunView.LogLine> first = mirrors.logs(caller, id, -1, 10_000);
    StreamingOutput stream = out -> {
      long last = write(out, first, -1);
      while (follow) {
        boolean finished = !List.of("queued", "running").contains(mirrors.get(caller, id).status());
        last = write(out, mirrors.logs(caller, id, last, 10_000), last);
        if (finished) {
          break;
        }
        try {
          Thread.sleep(FOLLOW_POLL_MILLIS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    };
    return Response.ok(stream, MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).header("Cache-Control", "no-store").header("X-Accel-Buffering", "no").build();
  }

  private static long write(OutputStream out, List<MirrorRunView.LogLine> lines, long last) throws IOException {
    for (MirrorRunView.LogLine line : lines) {
      out.write((line.at() + " " + line.line() + "\n").getBytes(StandardCharsets.UTF_8));
      last = line.seq();
    }
    out.flush();
    return last;
  }
}
