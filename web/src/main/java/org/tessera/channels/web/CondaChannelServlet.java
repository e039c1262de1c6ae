package org.tessera.channels.web;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.tessera.channels.application.ChannelService;
import org.tessera.channels.application.ChannelAccess;
import org.tessera.channels.application.ServedFile;
import org.tessera.channels.domain.ChannelNotFoundException;
import org.tessera.channels.domain.CondaPackageMetadata;
import org.tessera.channels.domain.PackageNotFoundException;
import org.tessera.channels.domain.Repodata;
import org.tessera.channels.infrastructure.ChannelFiles;
import org.tessera.channels.infrastructure.CondaIndexFiles;
import org.tessera.identity.domain.UserProfile;

/**
 * Conda channels as conda, mamba and rattler read them: {@code /repository/conda/CHANNEL/SUBDIR/repodata.json}
 * (and its {@code .zst} form) and the package files beside it, optionally under
 * the token prefix {@code /repository/conda/t/TOKEN/}. A platform without packages serves an
 * empty index, so clients asking for every platform get an answer for each.
 */
@WebServlet("/repository/conda/*")
public class CondaChannelServlet extends HttpServlet {

  @EJB ChannelService channels;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    List<String> path = RepositoryPaths.segments(request.getPathInfo(), true);
    UserProfile caller = RepositoryAuthenticationFilter.user(request).orElse(null);
    try {
      if (path.size() != 3) {
        RepositoryProblems.send(response, 404, "channel-path-not-found", "Not found",
            "Conda clients read CHANNEL/SUBDIR/repodata.json and CHANNEL/SUBDIR/FILE here; point conda at " + request.getContextPath() + RepositoryPaths.CONDA + "CHANNEL.");
        return;
      }
      String channel = path.get(0);
      String subdir = path.get(1);
      String file = path.get(2);
      ChannelAccess view = channels.readAccess(caller, channel);
      if (!CondaPackageMetadata.SUBDIRS.contains(subdir)) {
        RepositoryProblems.send(response, 404, "unknown-subdir", "Unknown platform", subdir + " is not a conda platform; use one like noarch, linux-64 or osx-arm64.");
        return;
      }
      String cacheControl = view.isPrivate() ? "private, no-cache" : "public, no-cache";
      if (file.startsWith(CondaIndexFiles.REPODATA)) {
        sendIndex(request, response, view, subdir, file, cacheControl);
        return;
      }
      ServedFile served = channels.download(caller, channel, subdir, file);
      String immutable = (view.isPrivate() ? "private" : "public") + ", max-age=31536000, immutable";
      FileResponses.send(request, response, served.path(), served.size(), served.sha256(), served.lastModified(), "application/octet-stream", immutable);
    } catch (ChannelNotFoundException e) {
      if (caller == null) {
        RepositoryAuthenticationFilter.refuse(response, e.getMessage());
      } else {
        RepositoryProblems.send(response, 404, "channel-not-found", "Channel not found", e.getMessage());
      }
    } catch (PackageNotFoundException e) {
      RepositoryProblems.send(response, 404, "package-not-found", "Package not found", e.getMessage());
    }
  }

  private static void sendIndex(HttpServletRequest request, HttpServletResponse response, ChannelAccess view, String subdir, String file, String cacheControl)
      throws IOException {
    boolean plain = file.equals(CondaIndexFiles.REPODATA);
    if (!plain && !file.equals(CondaIndexFiles.REPODATA + ".zst")) {
      RepositoryProblems.send(response, 404, "package-not-found", "Not found", "Channel " + view.name() + " has no " + subdir + "/" + file + ".");
      return;
    }
    Path index = ChannelFiles.channel(view.name()).resolve(subdir).resolve(file);
    if (Files.isRegularFile(index)) {
      // The index is swapped in whole, so its size and time identify a version of it.
      Instant modified = Files.getLastModifiedTime(index).toInstant();
      long size = Files.size(index);
      String etag = Long.toHexString(size) + "-" + Long.toHexString(Files.getLastModifiedTime(index).to(java.util.concurrent.TimeUnit.NANOSECONDS));
      FileResponses.send(request, response, index, size, etag, modified, plain ? "application/json" : "application/octet-stream", cacheControl);
      return;
    }
    if (!plain) {
      // Clients ask for the compressed forms first and fall back to the JSON on 404.
      RepositoryProblems.send(response, 404, "package-not-found", "Not found", "No compressed index for " + subdir + " yet; read repodata.json.");
      return;
    }
    byte[] empty = Repodata.empty(subdir);
    String etag = "\"empty-" + HexFormat.of().formatHex(subdir.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "\"";
    response.setHeader("Cache-Control", cacheControl);
    response.setHeader("ETag", etag);
    if (etag.equals(request.getHeader("If-None-Match"))) {
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return;
    }
    response.setContentType("application/json");
    response.setContentLength(empty.length);
    if (!"HEAD".equals(request.getMethod())) {
      response.getOutputStream().write(empty);
    }
  }
}
