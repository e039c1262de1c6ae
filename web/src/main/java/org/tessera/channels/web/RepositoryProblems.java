package org.tessera.channels.web;

import jakarta.json.Json;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** RFC 9457 problems for package clients, written without JAX-RS. */
final class RepositoryProblems {

  private RepositoryProblems() {}

  static void send(HttpServletResponse response, int status, String slug, String title, String detail) throws IOException {
    response.setStatus(status);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Cache-Control", "no-store");
    String body = Json.createObjectBuilder().add("type", "urn:tessera:problem:" + slug).add("title", title).add("status", status).add("detail", detail).build().toString();
    response.getWriter().write(body);
  }
}
