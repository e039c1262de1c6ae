package org.tessera.identity.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.tessera.identity.domain.UserProfile;
import org.tessera.shared.web.PlatformSettings;

/**
 * The profile of a user who signs in without a Keycloak token (git over HTTP with a personal access
 * token): their groups and effective realm roles, read from Keycloak's admin REST API with the
 * {@code tessera-service} account. Answers are kept for a minute, as git makes several requests per
 * clone or push; a group change reaches git within that minute.
 */
@ApplicationScoped
public class KeycloakUserLookup {

  private static final Duration KEEP = Duration.ofMinutes(1);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Map<String, Cached> profiles = new ConcurrentHashMap<>();
  private volatile Cached serviceToken;

  private record Cached(Object value, Instant until) {}

  /** The user's profile, or empty when Keycloak does not know the user (or is unreachable). */
  public Optional<UserProfile> profile(String username) {
    Cached cached = profiles.get(username);
    if (cached != null && Instant.now().isBefore(cached.until())) {
      return Optional.of((UserProfile) cached.value());
    }
    try {
      Optional<UserProfile> profile = fetch(username);
      profile.ifPresent(p -> profiles.put(username, new Cached(p, Instant.now().plus(KEEP))));
      return profile;
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private Optional<UserProfile> fetch(String username) throws IOException, InterruptedException {
    String admin = PlatformSettings.oidcProviderUrl().replace("/realms/", "/admin/realms/");
    JsonArray users = get(admin + "/users?exact=true&briefRepresentation=true&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)).asJsonArray();
    Optional<JsonObject> user = users.stream().map(JsonValue::asJsonObject).filter(u -> username.equalsIgnoreCase(u.getString("username", ""))).findFirst();
    if (user.isEmpty() || !user.get().getBoolean("enabled", true)) {
      return Optional.empty();
    }
    String id = user.get().getString("id");
    List<String> groups = get(admin + "/users/" + id + "/groups").asJsonArray().stream().map(g -> g.asJsonObject().getString("name")).toList();
    List<String> roles = get(admin + "/users/" + id + "/role-mappings/realm/composite").asJsonArray().stream().map(r -> r.asJsonObject().getString("name")).toList();
    JsonObject u = user.get();
    String name = (u.getString("firstName", "") + " " + u.getString("lastName", "")).strip();
    return Optional.of(new UserProfile(u.getString("username"), u.getString("email", null), name.isEmpty() ? null : name, roles, groups));
  }

  private JsonValue get(String url) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token()).GET().build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      serviceToken = null;
      throw new IOException("Keycloak answered " + response.statusCode() + " to " + url);
    }
    try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
      return reader.readValue();
    }
  }

  private String token() throws IOException, InterruptedException {
    Cached cached = serviceToken;
    if (cached != null && Instant.now().isBefore(cached.until())) {
      return (String) cached.value();
    }
    String form = "grant_type=client_credentials&client_id=tessera-service&client_secret=" + URLEncoder.encode(PlatformSettings.serviceClientSecret(), StandardCharsets.UTF_8);
    HttpResponse<String> response = http.send(
        HttpRequest.newBuilder(URI.create(PlatformSettings.oidcProviderUrl() + "/protocol/openid-connect/token"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("Keycloak refused the tessera-service account: " + response.statusCode());
    }
    try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
      JsonObject body = reader.readObject();
      String token = body.getString("access_token");
      serviceToken = new Cached(token, Instant.now().plusSeconds(Math.max(10, body.getInt("expires_in", 60) - 10)));
      return token;
    }
  }
}
