package org.tessera.channels.web;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import org.tessera.channels.application.ChannelService;
import org.tessera.channels.application.ServedFile;
import org.tessera.identity.web.CurrentUser;
import org.tessera.shared.domain.DomainException;

/**
 * {@code /channel-files/{channel}/{subdir}/{filename}}: a package file for the signed-in browser (the
 * package page links here; the API's {@code .../content} takes bearer tokens only, and clients use
 * {@code /repository}). Counted as a download like any other.
 */
@WebServlet("/channel-files/*")
public class PackageDownloadServlet extends HttpServlet {

  @EJB ChannelService channels;
  @Inject CurrentUser currentUser;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String[] parts = request.getPathInfo() == null ? new String[0] : request.getPathInfo().substring(1).split("/");
    if (parts.length != 3 || currentUser.profile().isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND, "Open package files from their package's page.");
      return;
    }
    ServedFile served;
    try {
      served = channels.download(currentUser.profile().get(), parts[0], parts[1], parts[2]);
    } catch (DomainException e) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND, e.getMessage());
      return;
    }
    response.setContentType("application/octet-stream");
    response.setContentLengthLong(served.size());
    response.setHeader("Content-Disposition", "attachment; filename=\"" + parts[2].replace("\"", "") + "\"");
    Files.copy(served.path(), response.getOutputStream());
  }
}
