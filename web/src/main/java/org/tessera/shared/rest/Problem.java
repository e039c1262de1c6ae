package org.tessera.shared.rest;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The one error shape of the API, RFC 9457 problem details. {@code type} is a stable URN per case
 * ({@code urn:tessera:problem:<slug>}) that clients may switch on; {@code detail} is written for a
 * person and says how to recover; {@code errors} lists invalid fields.
 */
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";
  public static final String TYPE_PREFIX = "urn:tessera:problem:";

  public Problem {
    errors = errors == null ? List.of() : List.copyOf(errors);
  }

  public static Problem of(int status, String slug, String title, String detail) {
    return new Problem(TYPE_PREFIX + slug, title, status, detail, null, List.of());
  }

  public Problem at(String instance) {
    return new Problem(type, title, status, detail, instance, errors);
  }

  public Problem withErrors(List<FieldError> fieldErrors) {
    return new Problem(type, title, status, detail, instance, fieldErrors);
  }

  public Response toResponse() {
    return Response.status(status).type(MEDIA_TYPE).entity(toJson()).build();
  }

  public String toJson() {
    JsonObjectBuilder json =
        Json.createObjectBuilder().add("type", type).add("title", title).add("status", status).add("detail", detail);
    if (instance != null) {
      json.add("instance", instance);
    }
    if (!errors.isEmpty()) {
      JsonArrayBuilder array = Json.createArrayBuilder();
      errors.forEach(e -> array.add(Json.createObjectBuilder().add("field", e.field()).add("message", e.message())));
      json.add("errors", array);
    }
    return json.build().toString();
  }

  /** One invalid input field and what is wrong with it. */
  public record FieldError(String field, String message) {}
}
