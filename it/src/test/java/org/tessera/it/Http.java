package org.tessera.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** A small HTTP client for the tests: JSON in and out, and OAuth token requests. */
final class Http {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();

  private Http() {}

  record Response(int status, String contentType, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("Not JSON (" + status + "): " + body, e);
      }
    }
  }

  static Response get(String url, String bearer) {
    return send(request(url, bearer).GET().build());
  }

  static Response send(String method, String url, String bearer, String jsonBody) {
    HttpRequest.BodyPublisher body =
        jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody);
    HttpRequest.Builder builder = request(url, bearer).method(method, body);
    if (jsonBody != null) {
      builder.header("Content-Type", "application/json");
    }
    return send(builder.build());
  }

  /** Sends raw bytes as the body, as an upload does. */
  static Response sendBytes(String method, String url, String bearer, byte[] body, String contentType) {
    return send(request(url, bearer).header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build());
  }

  /** GET returning the body's bytes (archives); the status is checked by the caller through {@code status[0]}. */
  static byte[] getBytes(String url, String bearer, int[] status) {
    try {
      HttpResponse<byte[]> response = CLIENT.send(request(url, bearer).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
      status[0] = response.statusCode();
      return response.body();
    } catch (IOException e) {
      throw new AssertionError("GET " + url + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static Response postForm(String url, Map<String, String> form) {
    String encoded =
        form.entrySet().stream()
            .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(encoded))
            .build());
  }

  /** An access token from the password grant of a public client. */
  static String passwordToken(String realmUrl, String clientId, String username, String password) {
    Response response =
        postForm(
            realmUrl + "/protocol/openid-connect/token",
            Map.of("grant_type", "password", "client_id", clientId, "username", username, "password", password, "scope", "openid"));
    if (response.status() != 200) {
      throw new AssertionError("No token for " + username + " from " + clientId + ": " + response.status() + " " + response.body());
    }
    return response.json().get("access_token").asText();
  }

  private static HttpRequest.Builder request(String url, String bearer) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).header("Accept", "application/json");
    if (bearer != null) {
      builder.header("Authorization", "Bearer " + bearer);
    }
    return builder;
  }

  private static Response send(HttpRequest request) {
    try {
      HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
    } catch (IOException e) {
      throw new AssertionError(request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
