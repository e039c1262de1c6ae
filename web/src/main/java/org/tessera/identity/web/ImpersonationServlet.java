package org.tessera.identity.web;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.tessera.identity.application.UserAdminService;

/**
 * {@code POST /impersonation/stop}: the banner's "Stop acting as" button. A plain servlet rather
 * than a Faces action, so that it works from any page whatever that page's own parameters are.
 * Audited, then back to the user's admin page.
 */
@WebServlet("/impersonation/stop")
public class ImpersonationServlet extends HttpServlet {

  @EJB UserAdminService users;
  @Inject CurrentUser currentUser;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
    var acting = currentUser.actingAs();
    if (acting.isEmpty()) {
      response.sendRedirect(request.getContextPath() + "/");
      return;
    }
    currentUser.stopActing();
    users.endImpersonation(acting.get().username(), acting.get().admin(), request.getRemoteAddr());
    response.sendRedirect(request.getContextPath() + "/admin/user.xhtml?username=" + URLEncoder.encode(acting.get().username(), StandardCharsets.UTF_8));
  }
}
