package org.tessera.identity.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.tessera.identity.domain.UserLookup;
import org.tessera.identity.domain.UserProfile;

/**
 * Users read from Keycloak's admin REST API through the same service-account access as the
 * directories ({@link KeycloakDirectories#callRaw}). Answers are kept for a minute, as git makes
 * several requests per clone or push; a group change reaches git within that minute.
 */
@ApplicationScoped
public class KeycloakUsers implements UserLookup {

  private static final Duration KEEP = Duration.ofMinutes(1);

  @Inject KeycloakDirectories keycloak;

  private record Kept(UserProfile profile, Instant until) {}

  private final Map<String, Kept> profiles = new ConcurrentHashMap<>();

  @Override
  public Optional<UserProfile> profile(String username) {
    Kept kept = profiles.get(username);
    if (kept != null && Instant.now().isBefore(kept.until())) {
      return Optional.of(kept.profile());
    }
    try {
      Optional<UserProfile> profile = fetch(username);
      profile.ifPresent(p -> profiles.put(username, new Kept(p, Instant.now().plus(KEEP))));
      return profile;
    } catch (RuntimeException unreachableOrRefused) {
      return Optional.empty();
    }
  }

  private Optional<UserProfile> fetch(String username) {
    KeycloakDirectories.Reply users = keycloak.callRaw("GET", "/users?exact=true&briefRepresentation=true&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8), null);
    if (!users.ok()) {
      return Optional.empty();
    }
    Optional<JsonObject> user = users.array().stream().map(JsonValue::asJsonObject).filter(u -> username.equalsIgnoreCase(u.getString("username", ""))).findFirst();
    if (user.isEmpty() || !user.get().getBoolean("enabled", true)) {
      return Optional.empty();
    }
    String id = user.get().getString("id");
    KeycloakDirectories.Reply groups = keycloak.callRaw("GET", "/users/" + id + "/groups", null);
    KeycloakDirectories.Reply roles = keycloak.callRaw("GET", "/users/" + id + "/role-mappings/realm/composite", null);
    if (!groups.ok() || !roles.ok()) {
      return Optional.empty();
    }
    JsonObject u = user.get();
    String name = (u.getString("firstName", "") + " " + u.getString("lastName", "")).strip();
    return Optional.of(new UserProfile(
        u.getString("username"),
        u.getString("email", null),
        name.isEmpty() ? null : name,
        names(roles),
        names(groups)));
  }

  private static List<String> names(KeycloakDirectories.Reply reply) {
    return reply.array().stream().map(v -> v.asJsonObject().getString("name")).toList();
  }
}
