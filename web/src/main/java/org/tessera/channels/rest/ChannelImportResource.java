package org.tessera.channels.rest;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.tessera.channels.application.ChannelTransferService;
import org.tessera.channels.rest.dto.ImportResponse;
import org.tessera.identity.domain.UserProfile;
import org.tessera.identity.web.CurrentUser;

/**
 * {@code POST /api/v1/channels/import}: an exported archive as the raw body (any content type:
 * {@code application/x-tar}, {@code application/gzip}, {@code application/octet-stream}), streamed
 * to disk up to the import limit (16 GiB by default), checked, then published; {@code channel}
 * imports under another name. 201 when the channel was created, 200 when it existed.
 */
@Path("/v1/channels/import")
public class ChannelImportResource {

  @EJB ChannelTransferService transfers;
  @Inject CurrentUser currentUser;

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  public Response importArchive(@QueryParam("channel") String channel, InputStream body) {
    UserProfile caller = currentUser.profile().orElseThrow(() -> new NotAuthorizedException("Bearer"));
    ChannelTransferService.ImportReport report = transfers.importArchive(caller, body, channel);
    return Response.status(report.created() ? 201 : 200).entity(ImportResponse.from(report)).build();
  }
}
