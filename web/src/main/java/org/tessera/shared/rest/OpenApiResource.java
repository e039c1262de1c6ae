package org.tessera.shared.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code /api/openapi}: the OpenAPI document, generated from these resources at build time.
 * JSON by default; {@code ?format=yaml} or {@code Accept: application/yaml} for YAML.
 */
@Path("/openapi")
public class OpenApiResource {

  @GET
  @Produces({"application/json", "application/yaml"})
  public Response document(@QueryParam("format") String format, @jakarta.ws.rs.HeaderParam("Accept") String accept) {
    boolean yaml = "yaml".equalsIgnoreCase(format) || (accept != null && accept.contains("yaml") && !accept.contains("json"));
    String name = yaml ? "openapi.yaml" : "openapi.json";
    return Response.ok(read(name), yaml ? "application/yaml" : "application/json").build();
  }

  private static byte[] read(String name) {
    try (InputStream in = OpenApiResource.class.getResourceAsStream("/META-INF/openapi/" + name)) {
      if (in == null) {
        throw new NotFoundException("The OpenAPI document was not generated into this build.");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
