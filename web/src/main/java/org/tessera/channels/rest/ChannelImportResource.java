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
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import org.tessera.channels.application.ChannelTransferService;
import org.tessera.channels.domain.ChannelArchiveRejectedException;
import org.tessera.channels.infrastructure.ChannelFiles;
import org.tessera.channels.rest.dto.ImportResponse;
import org.tessera.identity.domain.UserProfile;
import org.tessera.identity.web.CurrentUser;

/**
 * {@code POST /api/v1/channels/import}: an exported archive as the raw body, streamed to disk (up
 * to {@link ChannelTransferService#maxImportBytes()}), checked, then published; {@code channel}
 * imports under another name.
 */
@Path("/v1/channels/import")
public class ChannelImportResource {

  @EJB ChannelTransferService transfers;
  @Inject CurrentUser currentUser;

  @POST
  @Consumes({ChannelExportResource.TAR, "application/gzip", "application/x-gzip", MediaType.APPLICATION_OCTET_STREAM})
  @Produces(MediaType.APPLICATION_JSON)
  public Response importArchive(@QueryParam("channel") String channel, InputStream body) throws IOException {
    UserProfile caller = currentUser.profile().orElseThrow(() -> new NotAuthorizedException("Bearer"));
    java.nio.file.Path received = receive(body);
    ChannelTransferService.ImportReport report = transfers.importArchive(caller, received, channel);
    return Response.status(report.created() ? 201 : 200).entity(ImportResponse.from(report)).build();
  }

  private static java.nio.file.Path receive(InputStream body) throws IOException {
    long max = ChannelTransferService.maxImportBytes();
    java.nio.file.Path file = Files.createTempFile(ChannelFiles.staging(), "import-", ".tar.part");
    try (InputStream in = body; OutputStream out = Files.newOutputStream(file)) {
      byte[] buffer = new byte[256 * 1024];
      long total = 0;
      for (int n; (n = in.read(buffer)) > 0; ) {
        total += n;
        if (total > max) {
          throw new ChannelArchiveRejectedException("The archive is larger than the import limit of " + (max >> 20) + " MiB; export fewer packages per archive, "
              + "or raise tessera.channels.import-max-bytes.");
        }
        out.write(buffer, 0, n);
      }
      if (total == 0) {
        throw new ChannelArchiveRejectedException("The request has no body; send the archive that tessera channels export wrote as the body.");
      }
      return file;
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
  }
}
