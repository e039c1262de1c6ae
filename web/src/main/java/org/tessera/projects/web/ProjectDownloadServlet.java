package org.tessera.projects.web;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.tessera.identity.domain.UserProfile;
import org.tessera.identity.web.CurrentUser;
import org.tessera.projects.application.ProjectService;
import org.tessera.projects.domain.ArchiveFormat;
import org.tessera.projects.domain.Project;
import org.tessera.shared.domain.DomainException;

/**
 * {@code /projects/download?id=&revision=&format=}: a version as an archive for the signed-in
 * browser user (the API's {@code /archive} needs a bearer token, which pages do not have).
 */
@WebServlet("/projects/download")
public class ProjectDownloadServlet extends HttpServlet {

  @EJB ProjectService projects;
  @Inject CurrentUser currentUser;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    UserProfile user = currentUser.profile().orElseThrow();
    String id = request.getParameter("id");
    String revision = request.getParameter("revision");
    try {
      ArchiveFormat format = ArchiveFormat.byExtension(request.getParameter("format"));
      Project project = projects.get(user, id == null ? "" : id);
      projects.files(user, project.id().value(), revision);
      String fileName = project.name() + (revision == null || revision.isBlank() ? "" : "-" + revision.replaceAll("[^A-Za-z0-9._-]", "_")) + "." + format.extension();
      response.setContentType(format.mediaType());
      response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
      projects.download(user, project.id().value(), revision, format, response.getOutputStream());
    } catch (DomainException e) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND, e.getMessage());
    }
  }
}
