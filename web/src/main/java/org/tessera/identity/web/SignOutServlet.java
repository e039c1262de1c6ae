package org.tessera.identity.web;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.tessera.shared.web.PlatformSettings;

/**
 * Signs out of Tessera and of Keycloak: ends the local session, then sends the browser to the
 * realm's end-session endpoint (RP-initiated logout) so that the next visit asks for a password
 * again. Keycloak sends the browser back to Tessera's front page.
 */
@WebServlet("/logout")
public class SignOutServlet extends HttpServlet {

  @Inject CurrentUser currentUser;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
    String idToken = currentUser.idToken().orElse(null);
    request.logout();
    if (request.getSession(false) != null) {
      request.getSession(false).invalidate();
    }
    String back = PlatformSettings.publicUrl() + "/";
    StringBuilder endSession =
        new StringBuilder(PlatformSettings.oidcProviderUrl())
            .append("/protocol/openid-connect/logout?client_id=tessera-web&post_logout_redirect_uri=")
            .append(URLEncoder.encode(back, StandardCharsets.UTF_8));
    if (idToken != null) {
      endSession.append("&id_token_hint=").append(URLEncoder.encode(idToken, StandardCharsets.UTF_8));
    }
    response.sendRedirect(endSession.toString());
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
    doGet(request, response);
  }
}
