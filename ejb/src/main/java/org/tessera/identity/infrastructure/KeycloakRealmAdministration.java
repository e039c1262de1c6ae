package org.tessera.identity.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tessera.identity.domain.AdminEvent;
import org.tessera.identity.domain.DirectoryProviderUnavailableException;
import org.tessera.identity.domain.EventPage;
import org.tessera.identity.domain.EventQuery;
import org.tessera.identity.domain.EventsConfig;
import org.tessera.identity.domain.InvalidUserRequestException;
import org.tessera.identity.domain.RealmAdministration;
import org.tessera.identity.domain.RealmEvent;
import org.tessera.identity.domain.RealmGroup;
import org.tessera.identity.domain.RealmSettings;
import org.tessera.identity.domain.RealmTimeout;
import org.tessera.identity.domain.RealmUser;
import org.tessera.identity.domain.RealmUserDetails;
import org.tessera.identity.domain.RealmUserPage;
import org.tessera.identity.domain.RequiredAction;
import org.tessera.identity.domain.Roles;
import org.tessera.identity.domain.UserSession;
import org.tessera.identity.domain.UserSource;
import org.tessera.identity.infrastructure.KeycloakDirectories.Reply;

/**
 * The realm's users, groups, roles, sessions, settings and events through Keycloak's admin REST
 * API, with the one service-account access of {@link KeycloakDirectories#callRaw} (realm-management
 * roles view-users, manage-users, query-groups, view-realm, manage-realm, view-events, manage-events).
 */
@ApplicationScoped
public class KeycloakRealmAdministration implements RealmAdministration {

  @Inject KeycloakDirectories keycloak;

  // --- users -----------------------------------------------------------------------------------

  @Override
  public RealmUserPage users(String search, int page, int size) {
    String filter = search == null || search.isBlank() ? "" : "&search=" + enc(search.strip());
    JsonArray users = ok(call("GET", "/users?briefRepresentation=false&first=" + (page * size) + "&max=" + size + filter, null), "list users").array();
    long total = Long.parseLong(ok(call("GET", "/users/count?" + filter.replaceFirst("^&", ""), null), "count users").body().strip());
    Map<String, String> directories = directoryNames();
    List<RealmUser> rows = users.stream().map(JsonValue::asJsonObject).map(u -> toUser(u, directories)).toList();
    // Keycloak counts local users only when a search also reached a directory: never fewer than seen.
    return new RealmUserPage(rows, Math.max(total, (long) page * size + rows.size()), page, size);
  }

  @Override
  public Optional<RealmUserDetails> user(String username) {
    Optional<JsonObject> found = findUser(username);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    JsonObject u = found.get();
    String id = u.getString("id");
    RealmUser user = toUser(u, directoryNames());
    List<String> groups = ok(call("GET", "/users/" + enc(id) + "/groups", null), "read the user's groups").array().stream()
        .map(g -> g.asJsonObject().getString("path", g.asJsonObject().getString("name"))).map(p -> p.replaceFirst("^/", "")).sorted().toList();
    Map<String, List<String>> attributes = new LinkedHashMap<>();
    JsonObject attrs = u.getJsonObject("attributes");
    if (attrs != null) {
      attrs.forEach((k, v) -> attributes.put(k, v.getValueType() == JsonValue.ValueType.ARRAY ? v.asJsonArray().stream().map(KeycloakRealmAdministration::text).toList() : List.of(text(v))));
    }
    List<String> required = u.containsKey("requiredActions") ? u.getJsonArray("requiredActions").stream().map(KeycloakRealmAdministration::text).toList() : List.of();
    return Optional.of(new RealmUserDetails(user, u.getBoolean("emailVerified", false), attributes, required, groups,
        roleNames("/users/" + enc(id) + "/role-mappings/realm"), roleNames("/users/" + enc(id) + "/role-mappings/realm/composite"), sessions(id)));
  }

  @Override
  public void setEnabled(String userId, boolean enabled) {
    ok(call("PUT", "/users/" + enc(userId), Json.createObjectBuilder().add("enabled", enabled).build()), (enabled ? "enable" : "disable") + " the user");
  }

  @Override
  public void resetPassword(String userId, String password, boolean temporary) {
    Reply reply = call("PUT", "/users/" + enc(userId) + "/reset-password", Json.createObjectBuilder().add("type", "password").add("value", password).add("temporary", temporary).build());
    if (reply.status() == 400) {
      throw new InvalidUserRequestException("password", "Keycloak refused the password: " + reply.message()
          + ". Choose one that meets the realm's password policy; a user of a read-only directory changes the password in the directory.");
    }
    ok(reply, "reset the password");
  }

  @Override
  public void setRequiredActions(String userId, List<RequiredAction> actions) {
    for (RequiredAction action : actions) {
      Reply current = call("GET", "/authentication/required-actions/" + enc(action.name()), null);
      if (current.status() == 404) {
        throw new InvalidUserRequestException("actions", "The realm has no required action " + action.name() + ".");
      }
      JsonObject representation = ok(current, "read required action " + action.name()).object();
      if (!representation.getBoolean("enabled", false)) {
        // Terms and conditions ship switched off: a user cannot be asked for an action the realm disabled.
        ok(call("PUT", "/authentication/required-actions/" + enc(action.name()), Json.createObjectBuilder(representation).add("enabled", true).build()),
            "enable required action " + action.name());
      }
    }
    var names = Json.createArrayBuilder();
    actions.forEach(a -> names.add(a.name()));
    ok(call("PUT", "/users/" + enc(userId), Json.createObjectBuilder().add("requiredActions", names).build()), "set the required actions");
  }

  // --- groups and roles ------------------------------------------------------------------------

  @Override
  public List<RealmGroup> groups() {
    List<RealmGroup> groups = new ArrayList<>();
    collectGroups(ok(call("GET", "/groups?briefRepresentation=true&max=1000", null), "list groups").array(), groups);
    return groups;
  }

  private void collectGroups(JsonArray level, List<RealmGroup> into) {
    for (JsonValue value : level) {
      JsonObject g = value.asJsonObject();
      String id = g.getString("id");
      into.add(new RealmGroup(id, g.getString("name"), g.getString("path", "/" + g.getString("name")), roleNames("/groups/" + enc(id) + "/role-mappings/realm")));
      if (g.getInt("subGroupCount", 0) > 0) {
        collectGroups(ok(call("GET", "/groups/" + enc(id) + "/children?briefRepresentation=true&max=1000", null), "list subgroups").array(), into);
      } else if (g.containsKey("subGroups") && !g.getJsonArray("subGroups").isEmpty()) {
        collectGroups(g.getJsonArray("subGroups"), into);
      }
    }
  }

  @Override
  public Optional<RealmGroup> group(String name) {
    List<RealmGroup> all = groups();
    String wanted = name.strip();
    return all.stream().filter(g -> g.path().equals(wanted) || g.path().equals("/" + wanted)).findFirst()
        .or(() -> all.stream().filter(g -> g.name().equals(wanted)).findFirst())
        .or(() -> all.stream().filter(g -> g.name().equalsIgnoreCase(wanted)).findFirst());
  }

  @Override
  public List<RealmUser> members(String groupId, int page, int size) {
    Map<String, String> directories = directoryNames();
    return ok(call("GET", "/groups/" + enc(groupId) + "/members?briefRepresentation=false&first=" + (page * size) + "&max=" + size, null), "list the group's members").array().stream()
        .map(JsonValue::asJsonObject).map(u -> toUser(u, directories)).toList();
  }

  @Override
  public void joinGroup(String userId, String groupId) {
    ok(call("PUT", "/users/" + enc(userId) + "/groups/" + enc(groupId), null), "add the user to the group");
  }

  @Override
  public void leaveGroup(String userId, String groupId) {
    ok(call("DELETE", "/users/" + enc(userId) + "/groups/" + enc(groupId), null), "remove the user from the group");
  }

  @Override
  public void grantRole(String userId, String role) {
    ok(call("POST", "/users/" + enc(userId) + "/role-mappings/realm", roleArray(role)), "grant " + role);
  }

  @Override
  public void revokeRole(String userId, String role) {
    ok(call("DELETE", "/users/" + enc(userId) + "/role-mappings/realm", roleArray(role)), "revoke " + role);
  }

  @Override
  public void grantGroupRole(String groupId, String role) {
    ok(call("POST", "/groups/" + enc(groupId) + "/role-mappings/realm", roleArray(role)), "grant " + role + " to the group");
  }

  @Override
  public void revokeGroupRole(String groupId, String role) {
    ok(call("DELETE", "/groups/" + enc(groupId) + "/role-mappings/realm", roleArray(role)), "revoke " + role + " from the group");
  }

  @Override
  public List<String> administrators() {
    Set<String> admins = new LinkedHashSet<>();
    String role = "/roles/" + enc(Roles.ADMIN);
    for (JsonValue u : ok(call("GET", role + "/users?first=0&max=10000", null), "list the administrators").array()) {
      if (u.asJsonObject().getBoolean("enabled", true)) {
        admins.add(u.asJsonObject().getString("username"));
      }
    }
    for (JsonValue g : ok(call("GET", role + "/groups?first=0&max=1000", null), "list the administrators' groups").array()) {
      for (JsonValue u : ok(call("GET", "/groups/" + enc(g.asJsonObject().getString("id")) + "/members?first=0&max=10000&briefRepresentation=true", null), "list a group's members").array()) {
        if (u.asJsonObject().getBoolean("enabled", true)) {
          admins.add(u.asJsonObject().getString("username"));
        }
      }
    }
    return List.copyOf(admins);
  }

  // --- sessions --------------------------------------------------------------------------------

  @Override
  public List<UserSession> sessions(String userId) {
    return ok(call("GET", "/users/" + enc(userId) + "/sessions", null), "list the user's sessions").array().stream().map(JsonValue::asJsonObject)
        .map(s -> new UserSession(s.getString("id"), s.getString("ipAddress", null), millis(s, "start"), millis(s, "lastAccess"),
            s.containsKey("clients") ? s.getJsonObject("clients").values().stream().map(KeycloakRealmAdministration::text).sorted().toList() : List.of()))
        .toList();
  }

  @Override
  public void signOut(String userId) {
    ok(call("POST", "/users/" + enc(userId) + "/logout", null), "sign the user out");
  }

  // --- realm settings --------------------------------------------------------------------------

  @Override
  public RealmSettings settings() {
    JsonObject realm = ok(call("GET", "", null), "read the realm settings").object();
    Map<RealmTimeout, Integer> timeouts = new EnumMap<>(RealmTimeout.class);
    for (RealmTimeout t : RealmTimeout.values()) {
      if (realm.get(t.key()) instanceof JsonNumber n) {
        timeouts.put(t, n.intValue());
      }
    }
    return new RealmSettings(timeouts, realm.getBoolean("revokeRefreshToken", false), realm.getBoolean("registrationAllowed", false));
  }

  @Override
  public void save(RealmSettings settings) {
    // Only the fields Tessera manages: Keycloak keeps every field a partial representation leaves out.
    JsonObjectBuilder realm = Json.createObjectBuilder();
    settings.timeouts().forEach((t, seconds) -> realm.add(t.key(), seconds));
    if (settings.revokeRefreshToken() != null) {
      realm.add("revokeRefreshToken", settings.revokeRefreshToken());
    }
    if (settings.registrationAllowed() != null) {
      realm.add("registrationAllowed", settings.registrationAllowed());
    }
    Reply reply = call("PUT", "", realm.build());
    if (reply.status() == 400) {
      throw new org.tessera.identity.domain.InvalidRealmSettingsException("settings", "Keycloak refused the settings: " + reply.message() + ". Correct them and retry.");
    }
    ok(reply, "save the realm settings");
  }

  // --- events ----------------------------------------------------------------------------------

  @Override
  public EventPage<RealmEvent> events(EventQuery q) {
    StringBuilder path = new StringBuilder("/events?first=" + (q.page() * q.size()) + "&max=" + (q.size() + 1));
    q.types().forEach(t -> path.append("&type=").append(enc(t)));
    if (q.user() != null) {
      path.append("&user=").append(enc(findUser(q.user()).map(u -> u.getString("id")).orElse(q.user())));
    }
    if (q.client() != null) {
      path.append("&client=").append(enc(q.client()));
    }
    dates(q, path);
    Map<String, String> names = new HashMap<>();
    List<RealmEvent> events = ok(call("GET", path.toString(), null), "read the login events").array().stream().map(JsonValue::asJsonObject).map(e -> {
      Map<String, String> details = new LinkedHashMap<>();
      if (e.containsKey("details")) {
        e.getJsonObject("details").forEach((k, v) -> details.put(k, text(v)));
      }
      String userId = e.getString("userId", null);
      String username = details.getOrDefault("username", userId == null ? null : usernameOf(userId, names));
      return new RealmEvent(millis(e, "time"), e.getString("type", ""), username, userId, e.getString("clientId", null), e.getString("ipAddress", null), e.getString("error", null), details);
    }).toList();
    return page(events, q);
  }

  @Override
  public EventPage<AdminEvent> adminEvents(EventQuery q) {
    StringBuilder path = new StringBuilder("/admin-events?first=" + (q.page() * q.size()) + "&max=" + (q.size() + 1));
    q.types().forEach(t -> path.append("&operationTypes=").append(enc(t)));
    if (q.resourceType() != null) {
      path.append("&resourceTypes=").append(enc(q.resourceType()));
    }
    if (q.resourcePath() != null) {
      path.append("&resourcePath=").append(enc(q.resourcePath()));
    }
    if (q.user() != null) {
      path.append("&authUser=").append(enc(findUser(q.user()).map(u -> u.getString("id")).orElse(q.user())));
    }
    if (q.client() != null) {
      path.append("&authClient=").append(enc(clientUuid(q.client())));
    }
    dates(q, path);
    Map<String, String> names = new HashMap<>();
    Map<String, String> clients = new HashMap<>();
    List<AdminEvent> events = ok(call("GET", path.toString(), null), "read the admin events").array().stream().map(JsonValue::asJsonObject).map(e -> {
      JsonObject auth = e.containsKey("authDetails") ? e.getJsonObject("authDetails") : JsonValue.EMPTY_JSON_OBJECT;
      String userId = auth.getString("userId", null);
      String clientId = auth.getString("clientId", null);
      return new AdminEvent(millis(e, "time"), e.getString("operationType", ""), e.getString("resourceType", null), e.getString("resourcePath", null),
          userId == null ? null : usernameOf(userId, names), clientId == null ? null : clientIdOf(clientId, clients), auth.getString("ipAddress", null), e.getString("error", null));
    }).toList();
    return page(events, q);
  }

  @Override
  public EventsConfig eventsConfig() {
    JsonObject c = ok(call("GET", "/events/config", null), "read the events configuration").object();
    return new EventsConfig(c.getBoolean("eventsEnabled", false), c.getBoolean("adminEventsEnabled", false), c.getBoolean("adminEventsDetailsEnabled", false),
        c.get("eventsExpiration") instanceof JsonNumber n ? n.longValue() : null);
  }

  @Override
  public void save(EventsConfig config) {
    JsonObject current = ok(call("GET", "/events/config", null), "read the events configuration").object();
    JsonObjectBuilder c = Json.createObjectBuilder(current).add("eventsEnabled", config.eventsEnabled()).add("adminEventsEnabled", config.adminEventsEnabled())
        .add("adminEventsDetailsEnabled", config.adminEventsDetailsEnabled());
    if (config.expirationSeconds() == null) {
      c.remove("eventsExpiration");
    } else {
      c.add("eventsExpiration", config.expirationSeconds());
    }
    ok(call("PUT", "/events/config", c.build()), "save the events configuration");
  }

  private static <E> EventPage<E> page(List<E> fetched, EventQuery q) {
    // One more than a page was asked for: its presence says that another page follows.
    boolean more = fetched.size() > q.size();
    return new EventPage<>(more ? fetched.subList(0, q.size()) : fetched, q.page(), q.size(), more);
  }

  private static void dates(EventQuery q, StringBuilder path) {
    if (q.from() != null) {
      path.append("&dateFrom=").append(q.from());
    }
    if (q.to() != null) {
      path.append("&dateTo=").append(q.to());
    }
  }

  // --- helpers ---------------------------------------------------------------------------------

  private Optional<JsonObject> findUser(String username) {
    if (username == null || username.isBlank()) {
      return Optional.empty();
    }
    return ok(call("GET", "/users?exact=true&briefRepresentation=false&username=" + enc(username.strip()), null), "look the user up").array().stream()
        .map(JsonValue::asJsonObject).filter(u -> username.strip().equalsIgnoreCase(u.getString("username", ""))).findFirst();
  }

  private RealmUser toUser(JsonObject u, Map<String, String> directories) {
    String id = u.getString("id");
    UserSource source;
    String link = u.getString("federationLink", null);
    if (link != null) {
      source = UserSource.directory(directories.getOrDefault(link, link));
    } else {
      source = ok(call("GET", "/users/" + enc(id) + "/federated-identity", null), "read the user's identity providers").array().stream()
          .map(v -> UserSource.identityProvider(v.asJsonObject().getString("identityProvider"))).findFirst().orElse(UserSource.local());
    }
    return new RealmUser(id, u.getString("username"), u.getString("email", null), u.getString("firstName", null), u.getString("lastName", null),
        u.getBoolean("enabled", true), millis(u, "createdTimestamp"), source);
  }

  /** Component id → name of every user storage provider (LDAP/AD directories). */
  private Map<String, String> directoryNames() {
    Map<String, String> names = new HashMap<>();
    ok(call("GET", "/components?type=" + enc(KeycloakDirectories.PROVIDER_TYPE), null), "list the directories").array()
        .forEach(c -> names.put(c.asJsonObject().getString("id"), c.asJsonObject().getString("name", c.asJsonObject().getString("id"))));
    return names;
  }

  private List<String> roleNames(String path) {
    return ok(call("GET", path, null), "read role mappings").array().stream().map(r -> r.asJsonObject().getString("name")).sorted().toList();
  }

  private JsonArray roleArray(String role) {
    Reply reply = call("GET", "/roles/" + enc(role), null);
    if (reply.status() == 404) {
      throw new InvalidUserRequestException("role", "The realm has no role " + role + ".");
    }
    return Json.createArrayBuilder().add(ok(reply, "read role " + role).object()).build();
  }

  private String usernameOf(String userId, Map<String, String> known) {
    return known.computeIfAbsent(userId, id -> {
      Reply reply = call("GET", "/users/" + enc(id), null);
      // Users of another realm (the master admin) or deleted ones keep their id.
      return reply.ok() ? reply.object().getString("username", id) : id;
    });
  }

  private String clientIdOf(String uuid, Map<String, String> known) {
    return known.computeIfAbsent(uuid, id -> {
      Reply reply = call("GET", "/clients/" + enc(id), null);
      return reply.ok() ? reply.object().getString("clientId", id) : id;
    });
  }

  private String clientUuid(String clientId) {
    Reply reply = call("GET", "/clients?clientId=" + enc(clientId), null);
    return reply.ok() && !reply.array().isEmpty() ? reply.array().getJsonObject(0).getString("id") : clientId;
  }

  private Reply call(String method, String path, JsonStructure body) {
    return keycloak.callRaw(method, path, body);
  }

  /** The reply if it succeeded; otherwise what went wrong, in words, for {@code what} Tessera tried. */
  private static Reply ok(Reply reply, String what) {
    if (reply.ok()) {
      return reply;
    }
    if (reply.status() == 401 || reply.status() == 403) {
      throw new DirectoryProviderUnavailableException("Keycloak refused Tessera's service account tessera-service to " + what + " (HTTP " + reply.status()
          + "): give it the realm-management roles view-users, manage-users, query-groups, view-realm, manage-realm, view-events and manage-events (realm-config).");
    }
    if (reply.status() == 400 || reply.status() == 409) {
      throw new InvalidUserRequestException("request", "Keycloak refused to " + what + ": " + reply.message() + ".");
    }
    throw new DirectoryProviderUnavailableException("Keycloak could not " + what + " (HTTP " + reply.status() + ": " + reply.message() + "); check its log (./tessera logs keycloak) and retry.");
  }

  private static Instant millis(JsonObject o, String key) {
    return o.get(key) instanceof JsonNumber n ? Instant.ofEpochMilli(n.longValue()) : null;
  }

  private static String text(JsonValue v) {
    return v instanceof JsonString s ? s.getString() : v.toString();
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
