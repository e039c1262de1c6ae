package org.tessera.channels.web;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.tessera.channels.application.ChannelSettingsService;
import org.tessera.identity.web.CurrentUser;

/**
 * {@code /channel-config/condarc} and {@code /channel-config/pip.conf}: the generated client files for
 * the signed-in browser (the Channels page links here; the API's {@code /api/v1/channels/config/...}
 * takes bearer tokens only).
 */
@WebServlet("/channel-config/*")
public class ChannelConfigServlet extends HttpServlet {

  @EJB ChannelSettingsService settings;
  @Inject CurrentUser currentUser;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String which = request.getPathInfo() == null ? "" : request.getPathInfo();
    if (currentUser.profile().isEmpty() || !(which.equals("/condarc") || which.equals("/pip.conf"))) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND, "The generated files are /channel-config/condarc and /channel-config/pip.conf.");
      return;
    }
    response.setContentType("text/plain; charset=UTF-8");
    response.getWriter().write(which.equals("/condarc") ? settings.sources().condarc() : settings.sources().pipConf());
  }
}
