package org.tessera.deployments.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code /sign-in/apps/...}: deployments are served outside WildFly's sign-in constraint (so that
 * tokens reach the proxy), so a browser that is not signed in is sent here first. This path needs
 * a signed-in user; once WildFly has one, it goes back to the deployment.
 */
@WebServlet("/sign-in/apps/*")
public class AppSignInServlet extends HttpServlet {

  static final String PATH = "/sign-in";

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String rest = request.getPathInfo() == null ? "/" : request.getPathInfo();
    // Only a path of /apps/ on this origin: never an open redirect.
    String target = "/apps" + (rest.startsWith("/") && !rest.startsWith("//") ? rest : "/");
    response.sendRedirect(request.getContextPath() + target);
  }
}
