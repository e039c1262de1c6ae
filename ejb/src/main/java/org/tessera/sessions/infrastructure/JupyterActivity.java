package org.tessera.sessions.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a Jupyter editor last saw activity: its {@code /api/status} reports the later of the last
 * API request (all browser traffic reaches it through the proxy) and the last kernel activity.
 */
@ApplicationScoped
public class JupyterActivity {

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  /** Empty when the editor does not answer (then the runtime's status decides, not idleness). */
  public Optional<Instant> lastActivity(String host, int port, String basePath, String secret) {
    try {
      HttpResponse<String> response = http.send(
          HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + basePath + "api/status")).timeout(Duration.ofSeconds(5)).header("Authorization", "token " + secret).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return Optional.empty();
      }
      try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
        JsonObject status = reader.readObject();
        return Optional.ofNullable(status.getString("last_activity", null)).map(Instant::parse);
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
