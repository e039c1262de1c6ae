package org.tessera.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.tessera.shared.rest.Problem;

/**
 * The error page for failures that happen before JAX-RS sees a request: a missing, badly signed
 * or expired token (401) and the container's own 403/404. API paths get problem+json like every
 * other API error; pages get a short HTML page.
 */
@WebServlet("/error-page")
public class ErrorPageServlet extends HttpServlet {

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    int status = statusOf(request);
    String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    Problem problem = problemFor(status, path);
    response.setStatus(status);
    if (path != null && OidcConfigurationResolver.isApi(path.substring(request.getContextPath().length()))) {
      if (status == HttpServletResponse.SC_UNAUTHORIZED) {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"tessera\"");
      }
      response.setContentType(Problem.MEDIA_TYPE);
      response.setCharacterEncoding("UTF-8");
      response.getWriter().write(problem.toJson());
    } else {
      response.setContentType("text/html;charset=UTF-8");
      response.getWriter()
          .write(
              "<!DOCTYPE html><html><head><title>"
                  + Html.escape(problem.title())
                  + " · Tessera</title></head><body><h1>"
                  + Html.escape(problem.title())
                  + "</h1><p>"
                  + Html.escape(problem.detail())
                  + "</p><p><a href=\""
                  + request.getContextPath()
                  + "/\">Back to Tessera</a></p></body></html>");
    }
  }

  private static int statusOf(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    return code instanceof Integer i ? i : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
  }

  public static Problem problemFor(int status, String path) {
    return switch (status) {
      case 401 -> Problem.of(401, "not-signed-in", "Not signed in",
          "This request needs a valid bearer token: the token is missing, expired, or not signed by Tessera's identity provider. "
              + "Get a new one (tessera login, or the token endpoint of the realm named by GET /api/v1/info) and retry.");
      case 403 -> Problem.of(403, "forbidden", "Not allowed",
          "You are signed in but your roles do not allow this. Ask an administrator for the needed role.");
      case 404 -> Problem.of(404, "not-found", "Not found",
          "Nothing is at " + (path == null ? "this address" : path) + ". Check the URL; the API is described at /api/openapi.");
      case 405 -> Problem.of(405, "method-not-allowed", "Method not allowed",
          "This address does not accept that HTTP method; see /api/openapi for the allowed ones.");
      default -> Problem.of(status, "server-error", "Something went wrong",
          "Tessera could not complete the request. Retry; if it fails again, an administrator can find the cause in the application log (tessera logs app).");
    };
  }
}
