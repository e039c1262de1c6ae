package org.tessera.channels.rest;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.tessera.channels.application.ChannelTransferService;
import org.tessera.channels.infrastructure.ChannelArchives;
import org.tessera.identity.web.CurrentUser;

/** {@code /api/v1/channels/{name}/export}: the channel as one tar with its manifest, streamed. */
@Path("/v1/channels/{name}/export")
public class ChannelExportResource {

  public static final String TAR = "application/x-tar";

  @EJB ChannelTransferService transfers;
  @Inject CurrentUser currentUser;

  @GET
  @Produces({TAR, "application/json"})
  public Response export(@PathParam("name") String name) {
    ChannelTransferService.Export export = transfers.export(currentUser.profile().orElseThrow(() -> new jakarta.ws.rs.NotAuthorizedException("Bearer")), name);
    return archive(export);
  }

  /** Streams an export as a tar download. */
  static Response archive(ChannelTransferService.Export export) {
    StreamingOutput body = out -> ChannelArchives.write(export.manifest(), e -> export.files().get(e.path()), out);
    String filename = export.manifest().channel() + "-" + export.manifest().exportedAt().toString().replace(":", "").replaceAll("\\.\\d+", "") + ".tar";
    return Response.ok(body, TAR).header("Content-Disposition", "attachment; filename=\"" + filename + "\"").build();
  }

  /** The same as GET, for clients that treat an export as an action. */
  @POST
  @Produces({TAR, "application/json"})
  public Response exportPost(@PathParam("name") String name) {
    return export(name);
  }
}
