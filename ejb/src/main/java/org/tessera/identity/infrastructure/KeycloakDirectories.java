package org.tessera.identity.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tessera.identity.domain.ConnectionCheck;
import org.tessera.identity.domain.Directory;
import org.tessera.identity.domain.DirectoryNotFoundException;
import org.tessera.identity.domain.DirectoryMapper;
import org.tessera.identity.domain.DirectoryProvider;
import org.tessera.identity.domain.DirectoryUserGroups;
import org.tessera.identity.domain.GroupRule;
import org.tessera.identity.domain.GroupRuleSettings;
import org.tessera.identity.domain.InvalidGroupRulesException;
import org.tessera.identity.domain.DirectoryUserNotFoundException;
import org.tessera.identity.domain.DirectoryProviderUnavailableException;
import org.tessera.identity.domain.DirectorySettings;
import org.tessera.identity.domain.DirectorySyncResult;
import org.tessera.identity.domain.DirectoryVendor;
import org.tessera.identity.domain.InvalidDirectoryException;
import org.tessera.identity.domain.StockMapper;
import org.tessera.identity.domain.SyncMode;
import org.tessera.ldap.mappers.rules.MappingRules;
import org.tessera.ldap.mappers.rules.RuleSyntaxException;

/**
 * Directories as LDAP user-storage components of the realm, through Keycloak's admin REST API with
 * the {@code tessera-service} account (client credentials).
 *
 * <p>Why the JDK HttpClient and JSON-P rather than {@code keycloak-admin-client}: the admin client
 * brings its own RESTEasy client and Jackson providers, which clash with the RESTEasy 6.2 and JSON
 * providers WildFly gives every deployment (two JAX-RS client implementations in one class loader
 * space, and module exclusions in jboss-deployment-structure to keep them apart). The handful of
 * endpoints used here are plain JSON, so the EAR gains no library at all.
 *
 * <p>Keycloak component configs hold every value as an array of strings; {@link #config} and {@link
 * #first} convert.
 */
@ApplicationScoped
public class KeycloakDirectories implements DirectoryProvider {

  static final String PROVIDER_TYPE = "org.keycloak.storage.UserStorageProvider";
  static final String MAPPER_TYPE = "org.keycloak.storage.ldap.mappers.LDAPStorageMapper";
  /** Tessera's rule mapper (ldap-mappers module). */
  static final String RULE_MAPPER = "tessera-group-rules-ldap-mapper";
  /** Tessera's admin REST extension in Keycloak (ldap-mappers module): a user's directory groups. */
  static final String GROUPS_EXTENSION = "tessera-directory-groups";
  /** What Keycloak answers instead of a secret, and accepts back as "keep the stored one". */
  static final String MASKED = "**********";

  private static final Logger LOG = Logger.getLogger(KeycloakDirectories.class.getName());

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private volatile KeycloakAdminSettings settings;
  private volatile String accessToken;
  private volatile Instant accessTokenExpiry = Instant.EPOCH;
  private volatile String realmId;

  @Override
  public List<Directory> list() {
    List<Directory> directories = new ArrayList<>();
    for (JsonValue value : call("GET", "/components?parent=" + enc(realmId()) + "&type=" + enc(PROVIDER_TYPE), null).array()) {
      JsonObject component = value.asJsonObject();
      if ("ldap".equals(component.getString("providerId", ""))) {
        directories.add(toDirectory(component));
      }
    }
    return directories;
  }

  @Override
  public Optional<Directory> find(String id) {
    return component(id).map(this::toDirectory);
  }

  @Override
  public String create(DirectorySettings s) {
    JsonObject component =
        Json.createObjectBuilder()
            .add("name", s.name())
            .add("providerId", "ldap")
            .add("providerType", PROVIDER_TYPE)
            .add("parentId", realmId())
            .add("config", config(providerConfig(s, Map.of())))
            .build();
    Reply created = call("POST", "/components", component);
    String location = created.location().orElseThrow(() -> new DirectoryProviderUnavailableException("Keycloak created the directory but did not say its id; list the directories and retry."));
    String id = location.substring(location.lastIndexOf('/') + 1);
    try {
      addVendorMappers(id, s);
    } catch (RuntimeException e) {
      // All or nothing: a directory without its mappers would import users half-configured.
      try {
        call("DELETE", "/components/" + enc(id), null);
      } catch (RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
    return id;
  }

  @Override
  public void update(String id, DirectorySettings s) {
    JsonObject existing = component(id).orElseThrow(() -> new DirectoryNotFoundException(id));
    Map<String, List<String>> current = configOf(existing);
    JsonObject component =
        Json.createObjectBuilder(existing).add("name", s.name()).add("config", config(providerConfig(s, current))).build();
    call("PUT", "/components/" + enc(id), component);
    if (s.groupsDn() != null) {
      Optional<JsonObject> groups = mapperComponents(id).stream().filter(m -> "group-ldap-mapper".equals(m.getString("providerId", ""))).findFirst();
      if (groups.isPresent()) {
        Map<String, List<String>> config = configOf(groups.get());
        config.put("groups.dn", List.of(s.groupsDn()));
        call("PUT", "/components/" + enc(groups.get().getString("id")), Json.createObjectBuilder(groups.get()).add("config", config(config)).build());
      } else {
        addMapper(id, "groups", "group-ldap-mapper", groupMapperConfig(s));
      }
    }
  }

  @Override
  public void delete(String id) {
    component(id).orElseThrow(() -> new DirectoryNotFoundException(id));
    call("DELETE", "/components/" + enc(id), null);
  }

  @Override
  public ConnectionCheck test(String id, boolean authenticate, DirectorySettings overrides) {
    JsonObject component = component(id).orElseThrow(() -> new DirectoryNotFoundException(id));
    Map<String, List<String>> stored = configOf(component);
    String url = overrides != null && overrides.connectionUrl() != null ? overrides.connectionUrl() : first(stored, "connectionUrl");
    if (overrides != null && overrides.startTls() != null) {
      stored.put("startTls", List.of(overrides.startTls().toString()));
    }
    String bindDn = overrides != null && overrides.bindDn() != null ? overrides.bindDn() : first(stored, "bindDn");
    // The masked value with the component id makes Keycloak use the stored password.
    String credential = overrides != null && overrides.bindCredential() != null ? overrides.bindCredential() : MASKED;
    Reply connection = testLdap("testConnection", id, stored, url, bindDn, credential);
    if (!connection.ok()) {
      return new ConnectionCheck(false, "Cannot connect to " + url + ": check the host and port in connectionUrl, that the directory server is up and that Keycloak's host can reach it"
          + (url.startsWith("ldaps") || "true".equals(first(stored, "startTls")) ? " and trusts its certificate (send its CA as caCertificatePem, then restart Keycloak: ./tessera down && ./tessera up)" : "") + ". (Keycloak: " + connection.message() + ")");
    }
    if (!authenticate) {
      return new ConnectionCheck(true, "Connected to " + url + ".");
    }
    Reply bind = testLdap("testAuthentication", id, stored, url, bindDn, credential);
    if (!bind.ok()) {
      return new ConnectionCheck(false, "The directory at " + url + " refused to bind as " + bindDn + ": check bindDn and the bind password (bindCredential). (Keycloak: " + bind.message() + ")");
    }
    return new ConnectionCheck(true, "Signed in to " + url + " as " + bindDn + ".");
  }

  @Override
  public DirectorySyncResult sync(String id, SyncMode mode) {
    component(id).orElseThrow(() -> new DirectoryNotFoundException(id));
    Instant at = Instant.now();
    // Groups first, so that memberships of the users synced next find their groups.
    for (JsonObject mapper : mapperComponents(id)) {
      if ("group-ldap-mapper".equals(mapper.getString("providerId", ""))) {
        Reply groups = callRaw("POST", "/user-storage/" + enc(id) + "/mappers/" + enc(mapper.getString("id")) + "/sync?direction=fedToKeycloak", null);
        if (!groups.ok()) {
          return DirectorySyncResult.failed(id, mode.key(), at, "Importing the directory's groups failed: " + groups.message() + ". Check groupsDn and the connection (Test connection), then sync again.");
        }
      }
    }
    Reply reply = callRaw("POST", "/user-storage/" + enc(id) + "/sync?action=" + mode.keycloakAction(), null);
    if (!reply.ok()) {
      return DirectorySyncResult.failed(id, mode.key(), at, "Keycloak could not sync the directory: " + reply.message() + ". Check the connection and authentication (Test connection, Test authentication), then sync again.");
    }
    JsonObject counts = reply.object();
    return new DirectorySyncResult(id, mode.key(), at, counts.getInt("added", 0), counts.getInt("updated", 0), counts.getInt("removed", 0), counts.getInt("failed", 0),
        counts.getString("status", ""), null);
  }

  @Override
  public List<DirectoryMapper> mappers(String id) {
    component(id).orElseThrow(() -> new DirectoryNotFoundException(id));
    return mapperComponents(id).stream().map(m -> new DirectoryMapper(m.getString("id"), m.getString("name", ""), m.getString("providerId", ""), configOf(m))).toList();
  }

  @Override
  public DirectoryMapper addStockMapper(String id, StockMapper mapper, String name, Map<String, String> overrides) {
    Directory directory = find(id).orElseThrow(() -> new DirectoryNotFoundException(id));
    Map<String, List<String>> config = stockMapperConfig(mapper, directory.settings());
    overrides.forEach((key, value) -> put(config, key, value));
    List<InvalidDirectoryException.FieldProblem> missing = new ArrayList<>();
    for (String key : switch (mapper) {
      case GROUP -> List.of("groups.dn");
      case ROLE -> List.of("roles.dn");
      case HARDCODED_ROLE -> List.of("role");
      case MSAD_ACCOUNT_CONTROL -> List.<String>of();
    }) {
      if (first(config, key) == null || first(config, key).isBlank()) {
        missing.add(new InvalidDirectoryException.FieldProblem("config." + key, mapper.type() + " needs config \"" + key + "\", e.g. "
            + (key.equals("role") ? "ae-creator (a realm role every directory user gets)" : "ou=groups,dc=example,dc=com") + "."));
      }
    }
    if (!missing.isEmpty()) {
      throw new InvalidDirectoryException(missing);
    }
    Reply created = callRaw("POST", "/components", Json.createObjectBuilder().add("name", name).add("providerId", mapper.type()).add("providerType", MAPPER_TYPE)
        .add("parentId", id).add("config", config(config)).build());
    if (created.status() == 400) {
      throw new InvalidDirectoryException("config", "Keycloak refused the " + mapper.type() + ": " + created.message() + ". Correct the config and retry.");
    }
    String mapperId = created.orThrow().location().map(l -> l.substring(l.lastIndexOf('/') + 1)).orElse("");
    return mappers(id).stream().filter(m -> m.id().equals(mapperId)).findFirst()
        .orElseThrow(() -> new DirectoryProviderUnavailableException("Keycloak added the mapper but does not list it; reload and check."));
  }

  @Override
  public void removeMapper(String id, String mapperId) {
    if (mappers(id).stream().noneMatch(m -> m.id().equals(mapperId))) {
      throw new DirectoryNotFoundException(id + "/mappers/" + mapperId);
    }
    call("DELETE", "/components/" + enc(mapperId), null);
  }

  /** Keycloak's config for a stock mapper with the vendor preset's defaults; keys Keycloak's. */
  static Map<String, List<String>> stockMapperConfig(StockMapper mapper, DirectorySettings s) {
    DirectoryVendor vendor = s.vendorPreset();
    Map<String, List<String>> c = new LinkedHashMap<>();
    switch (mapper) {
      case GROUP -> {
        if (s.groupsDn() != null) {
          c.putAll(groupMapperConfig(s));
        } else {
          c.putAll(groupMapperConfig(new DirectorySettings(s.name(), s.vendor(), s.connectionUrl(), s.startTls(), s.bindDn(), null, s.usersDn(), s.usernameLDAPAttribute(),
              s.rdnLDAPAttribute(), s.uuidLDAPAttribute(), s.userObjectClasses(), s.customUserSearchFilter(), s.searchScope(), s.editMode(), s.pagination(),
              s.batchSizeForSync(), s.fullSyncPeriod(), s.changedSyncPeriod(), s.enabled(), "", null)));
          c.remove("groups.dn");
        }
      }
      case ROLE -> {
        if (s.groupsDn() != null) {
          put(c, "roles.dn", s.groupsDn());
        }
        put(c, "role.name.ldap.attribute", "cn");
        put(c, "role.object.classes", vendor.groupObjectClass());
        put(c, "membership.ldap.attribute", "member");
        put(c, "membership.attribute.type", "DN");
        put(c, "membership.user.ldap.attribute", s.usernameLDAPAttribute());
        put(c, "mode", "READ_ONLY");
        // AD resolves nested groups itself; elsewhere the member attribute is the only source.
        put(c, "user.roles.retrieve.strategy", vendor == DirectoryVendor.ACTIVE_DIRECTORY ? "LOAD_ROLES_BY_MEMBER_ATTRIBUTE_RECURSIVELY" : "LOAD_ROLES_BY_MEMBER_ATTRIBUTE");
        put(c, "memberof.ldap.attribute", "memberOf");
        put(c, "use.realm.roles.mapping", "true");
      }
      case HARDCODED_ROLE -> {
        // No default role: which role every directory user gets is the admin's decision.
      }
      case MSAD_ACCOUNT_CONTROL -> put(c, "ldap.password.policy.hints.enabled", "false");
    }
    return c;
  }

  @Override
  public Optional<GroupRuleSettings> groupRules(String id) {
    component(id).orElseThrow(() -> new DirectoryNotFoundException(id));
    return ruleMapper(id).map(KeycloakDirectories::toGroupRuleSettings);
  }

  @Override
  public GroupRuleSettings saveGroupRules(String id, GroupRuleSettings s) {
    component(id).orElseThrow(() -> new DirectoryNotFoundException(id));
    Optional<JsonObject> existing = ruleMapper(id);
    if (s.rules().isEmpty()) {
      existing.ifPresent(m -> call("DELETE", "/components/" + enc(m.getString("id")), null));
      return new GroupRuleSettings(null, List.of(), s.groupsDn(), s.groupObjectClasses(), s.membershipAttribute(), s.membershipType(), s.membershipUserAttribute(), s.nestedAdGroups());
    }
    Map<String, List<String>> config = new LinkedHashMap<>();
    config.put("rules", s.lines());
    put(config, "groups.dn", s.groupsDn());
    put(config, "group.object.classes", s.groupObjectClasses());
    put(config, "membership.ldap.attribute", s.membershipAttribute());
    put(config, "membership.attribute.type", s.membershipType());
    put(config, "membership.user.ldap.attribute", s.membershipUserAttribute());
    put(config, "nested.groups.ad", String.valueOf(Boolean.TRUE.equals(s.nestedAdGroups())));
    Reply reply;
    String mapperId;
    if (existing.isPresent()) {
      mapperId = existing.get().getString("id");
      reply = callRaw("PUT", "/components/" + enc(mapperId), Json.createObjectBuilder(existing.get()).add("config", config(config)).build());
    } else {
      reply = callRaw("POST", "/components", Json.createObjectBuilder().add("name", "group rules").add("providerId", RULE_MAPPER).add("providerType", MAPPER_TYPE)
          .add("parentId", id).add("config", config(config)).build());
      mapperId = reply.location().map(l -> l.substring(l.lastIndexOf('/') + 1)).orElse(null);
    }
    if (reply.status() == 400) {
      throw refusedRules(reply.message());
    }
    reply.orThrow();
    return groupRules(id).orElseThrow(() -> new DirectoryProviderUnavailableException("Keycloak saved the group rules but does not list them (mapper " + mapperId + "); reload and retry."));
  }

  @Override
  public DirectoryUserGroups userGroups(String id, String username, GroupRuleSettings s) {
    component(id).orElseThrow(() -> new DirectoryNotFoundException(id));
    String query = "groups.dn=" + enc(s.groupsDn()) + "&group.object.classes=" + enc(s.groupObjectClasses()) + "&membership.ldap.attribute=" + enc(s.membershipAttribute())
        + "&membership.attribute.type=" + enc(s.membershipType()) + "&membership.user.ldap.attribute=" + enc(s.membershipUserAttribute()) + "&nested.groups.ad="
        + Boolean.TRUE.equals(s.nestedAdGroups());
    Reply reply = callRaw("GET", "/" + GROUPS_EXTENSION + "/" + enc(id) + "/users/" + enc(username).replace("+", "%20") + "?" + query, null);
    boolean ours = reply.body() != null && reply.body().contains("errorMessage");
    if (reply.status() == 404 && ours) {
      throw new DirectoryUserNotFoundException(reply.message() + " Check the user name (the directory's " + first(configOf(component(id).orElseThrow()), "usernameLDAPAttribute") + ").");
    }
    if (reply.status() == 404 || reply.status() == 405) {
      throw new DirectoryProviderUnavailableException("Keycloak does not offer Tessera's directory-groups extension: deploy ldap-mappers/target/tessera-ldap-mappers.jar into its providers/ (./tessera up does) and restart it.");
    }
    if (reply.status() == 502) {
      throw new DirectoryProviderUnavailableException(reply.message() + ". Check the directory's connection (Test connection) and the groups settings, then retry.");
    }
    JsonObject answer = reply.orThrow().object();
    return new DirectoryUserGroups(answer.getString("username", username), answer.getString("dn", null),
        answer.getJsonArray("groups").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList());
  }

  /** Keycloak's refusal of the mapper ("Line N: ..." from the mapper's checks) as a problem on the row it names. */
  static InvalidGroupRulesException refusedRules(String message) {
    java.util.regex.Matcher line = java.util.regex.Pattern.compile("^Line (\\d+): (.*)$", java.util.regex.Pattern.DOTALL).matcher(message);
    if (line.matches()) {
      int row = Integer.parseInt(line.group(1));
      return new InvalidGroupRulesException("rules[" + (row - 1) + "]", "Rule " + row + ": " + line.group(2));
    }
    return new InvalidGroupRulesException("rules", "Keycloak refused the group rules: " + message);
  }

  private Optional<JsonObject> ruleMapper(String id) {
    return mapperComponents(id).stream().filter(m -> RULE_MAPPER.equals(m.getString("providerId", ""))).findFirst();
  }

  static GroupRuleSettings toGroupRuleSettings(JsonObject mapper) {
    Map<String, List<String>> c = configOf(mapper);
    List<GroupRule> rules;
    try {
      // Keycloak does not keep the order of a setting's values; rules have none (every matching
      // rule applies), so they are shown in one stable order.
      rules = MappingRules.parse(c.getOrDefault("rules", List.of())).rules().stream().map(GroupRule::of)
          .sorted(java.util.Comparator.comparing((GroupRule r) -> r.match()).thenComparing(r -> r.pattern().toLowerCase(java.util.Locale.ROOT))).toList();
    } catch (RuleSyntaxException e) {
      // Keycloak refuses such rules at save; only a hand-edited realm gets here.
      throw new InvalidGroupRulesException("rules", "The rules stored in Keycloak do not parse (" + e.getMessage() + "); save corrected rules.");
    }
    return new GroupRuleSettings(mapper.getString("id"), rules, first(c, "groups.dn"), orDefault(first(c, "group.object.classes"), "groupOfNames"),
        orDefault(first(c, "membership.ldap.attribute"), "member"), orDefault(first(c, "membership.attribute.type"), GroupRuleSettings.DN),
        orDefault(first(c, "membership.user.ldap.attribute"), "uid"), Boolean.parseBoolean(first(c, "nested.groups.ad")));
  }

  private static String orDefault(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }

  // --- mapping ---------------------------------------------------------------------------------

  /** Keycloak's provider config from checked settings, over {@code current} (kept keys Tessera does not set). */
  static Map<String, List<String>> providerConfig(DirectorySettings s, Map<String, List<String>> current) {
    Map<String, List<String>> c = new LinkedHashMap<>(current);
    if (current.isEmpty()) {
      // Keycloak's own defaults for a new provider, made explicit.
      put(c, "authType", "simple");
      put(c, "importEnabled", "true");
      put(c, "syncRegistrations", "false");
      put(c, "trustEmail", "false");
      put(c, "useTruststoreSpi", "always");
      put(c, "connectionPooling", "true");
      put(c, "cachePolicy", "DEFAULT");
      put(c, "priority", "0");
      put(c, "startTls", "false");
      put(c, "allowKerberosAuthentication", "false");
      put(c, "useKerberosForPasswordAuthentication", "false");
      put(c, "validatePasswordPolicy", "false");
      put(c, "connectionTimeout", "10000");
      put(c, "readTimeout", "30000");
    }
    put(c, "vendor", s.vendor());
    put(c, "connectionUrl", s.connectionUrl());
    if (s.startTls() != null) {
      // Keycloak refuses StartTLS with pooled connections (a pooled connection cannot be upgraded).
      put(c, "startTls", s.startTls().toString());
      put(c, "connectionPooling", String.valueOf(!s.startTls()));
    }
    put(c, "bindDn", s.bindDn());
    put(c, "bindCredential", s.bindCredential() == null ? MASKED : s.bindCredential());
    put(c, "usersDn", s.usersDn());
    put(c, "usernameLDAPAttribute", s.usernameLDAPAttribute());
    put(c, "rdnLDAPAttribute", s.rdnLDAPAttribute());
    put(c, "uuidLDAPAttribute", s.uuidLDAPAttribute());
    put(c, "userObjectClasses", s.userObjectClasses());
    if (s.customUserSearchFilter() == null) {
      c.remove("customUserSearchFilter");
    } else {
      put(c, "customUserSearchFilter", s.customUserSearchFilter());
    }
    put(c, "searchScope", s.searchScope());
    put(c, "editMode", s.editMode());
    put(c, "pagination", s.pagination().toString());
    put(c, "batchSizeForSync", s.batchSizeForSync().toString());
    put(c, "fullSyncPeriod", s.fullSyncPeriod().toString());
    put(c, "changedSyncPeriod", s.changedSyncPeriod().toString());
    put(c, "enabled", s.enabled().toString());
    return c;
  }

  /** Groups under {@code groupsDn} imported read-only into Keycloak groups of the same names. */
  static Map<String, List<String>> groupMapperConfig(DirectorySettings s) {
    Map<String, List<String>> c = new LinkedHashMap<>();
    put(c, "groups.dn", s.groupsDn());
    put(c, "group.name.ldap.attribute", "cn");
    put(c, "group.object.classes", s.vendorPreset().groupObjectClass());
    put(c, "preserve.group.inheritance", "true");
    put(c, "ignore.missing.groups", "false");
    put(c, "membership.ldap.attribute", "member");
    put(c, "membership.attribute.type", "DN");
    put(c, "membership.user.ldap.attribute", s.usernameLDAPAttribute());
    put(c, "mode", "READ_ONLY");
    put(c, "user.roles.retrieve.strategy", "LOAD_GROUPS_BY_MEMBER_ATTRIBUTE");
    put(c, "memberof.ldap.attribute", "memberOf");
    // The seed warns that dropping erases groups made in Keycloak: never by default.
    put(c, "drop.non.existing.groups.during.sync", "false");
    put(c, "groups.path", "/");
    return c;
  }

  private void addVendorMappers(String id, DirectorySettings s) {
    List<JsonObject> existing = mapperComponents(id);
    if (s.vendorPreset() == DirectoryVendor.ACTIVE_DIRECTORY && existing.stream().noneMatch(m -> "msad-user-account-control-mapper".equals(m.getString("providerId", "")))) {
      addMapper(id, "MSAD account controls", "msad-user-account-control-mapper", Map.of());
    }
    if (s.groupsDn() != null) {
      addMapper(id, "groups", "group-ldap-mapper", groupMapperConfig(s));
    }
  }

  private void addMapper(String parentId, String name, String providerId, Map<String, List<String>> config) {
    call("POST", "/components",
        Json.createObjectBuilder().add("name", name).add("providerId", providerId).add("providerType", MAPPER_TYPE).add("parentId", parentId).add("config", config(config)).build());
  }

  private List<JsonObject> mapperComponents(String id) {
    return call("GET", "/components?parent=" + enc(id) + "&type=" + enc(MAPPER_TYPE), null).array().stream().map(JsonValue::asJsonObject).toList();
  }

  /** The LDAP component with that id, or empty for an unknown id or a component of another kind. */
  private Optional<JsonObject> component(String id) {
    if (id == null || !id.matches("[A-Za-z0-9_-]{1,64}")) {
      return Optional.empty();
    }
    Reply reply = callRaw("GET", "/components/" + enc(id), null);
    if (reply.status() == 404) {
      return Optional.empty();
    }
    JsonObject component = reply.orThrow().object();
    boolean ldap = PROVIDER_TYPE.equals(component.getString("providerType", "")) && "ldap".equals(component.getString("providerId", ""));
    return ldap ? Optional.of(component) : Optional.empty();
  }

  private Directory toDirectory(JsonObject component) {
    Map<String, List<String>> c = configOf(component);
    String id = component.getString("id");
    String groupsDn =
        mapperComponents(id).stream().filter(m -> "group-ldap-mapper".equals(m.getString("providerId", ""))).map(m -> first(configOf(m), "groups.dn")).findFirst().orElse(null);
    DirectorySettings settings =
        new DirectorySettings(component.getString("name", ""), first(c, "vendor"), first(c, "connectionUrl"), bool(c, "startTls"), first(c, "bindDn"), null, first(c, "usersDn"),
            first(c, "usernameLDAPAttribute"), first(c, "rdnLDAPAttribute"), first(c, "uuidLDAPAttribute"), first(c, "userObjectClasses"),
            first(c, "customUserSearchFilter"), first(c, "searchScope"), first(c, "editMode"), bool(c, "pagination"), integer(c, "batchSizeForSync"),
            integer(c, "fullSyncPeriod"), integer(c, "changedSyncPeriod"), bool(c, "enabled"), groupsDn, null);
    return new Directory(id, settings, null);
  }

  private Reply testLdap(String action, String id, Map<String, List<String>> stored, String url, String bindDn, String credential) {
    JsonObjectBuilder body =
        Json.createObjectBuilder()
            .add("action", action)
            .add("connectionUrl", url)
            .add("bindDn", bindDn == null ? "" : bindDn)
            .add("bindCredential", credential)
            .add("authType", Optional.ofNullable(first(stored, "authType")).orElse("simple"))
            .add("useTruststoreSpi", Optional.ofNullable(first(stored, "useTruststoreSpi")).orElse("always"))
            .add("startTls", Optional.ofNullable(first(stored, "startTls")).orElse("false"))
            .add("connectionTimeout", Optional.ofNullable(first(stored, "connectionTimeout")).orElse("10000"))
            .add("componentId", id);
    return callRaw("POST", "/testLDAPConnection", body.build());
  }

  static JsonObject config(Map<String, List<String>> config) {
    JsonObjectBuilder b = Json.createObjectBuilder();
    config.forEach((k, v) -> b.add(k, Json.createArrayBuilder(v)));
    return b.build();
  }

  static Map<String, List<String>> configOf(JsonObject component) {
    Map<String, List<String>> c = new LinkedHashMap<>();
    JsonObject config = component.getJsonObject("config");
    if (config != null) {
      config.forEach((k, v) -> c.put(k, v.getValueType() == JsonValue.ValueType.ARRAY ? v.asJsonArray().stream().map(KeycloakDirectories::text).toList() : List.of(text(v))));
    }
    return c;
  }

  private static String text(JsonValue v) {
    return v instanceof JsonString s ? s.getString() : v.toString();
  }

  static String first(Map<String, List<String>> config, String key) {
    List<String> values = config.get(key);
    return values == null || values.isEmpty() || values.get(0).isEmpty() ? null : values.get(0);
  }

  private static Boolean bool(Map<String, List<String>> c, String key) {
    String v = first(c, key);
    return v == null ? null : Boolean.valueOf(v);
  }

  private static Integer integer(Map<String, List<String>> c, String key) {
    try {
      String v = first(c, key);
      return v == null ? null : Integer.valueOf(v);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static void put(Map<String, List<String>> config, String key, String value) {
    config.put(key, List.of(value));
  }

  // --- HTTP ------------------------------------------------------------------------------------

  /** One answer of Keycloak's admin API. */
  record Reply(int status, String body, Optional<String> location) {

    boolean ok() {
      return status >= 200 && status < 300;
    }

    JsonStructure json() {
      try {
        return Json.createReader(new StringReader(body)).read();
      } catch (JsonParsingException e) {
        throw new DirectoryProviderUnavailableException("Keycloak answered something that is not JSON (HTTP " + status + "); check its log (./tessera logs keycloak).");
      }
    }

    JsonObject object() {
      return json().asJsonObject();
    }

    JsonArray array() {
      return json().asJsonArray();
    }

    /** Keycloak's error text: {@code errorMessage}, or {@code error_description}, or the status. */
    String message() {
      try {
        JsonObject error = Json.createReader(new StringReader(body)).readObject();
        for (String key : List.of("errorMessage", "error_description", "error")) {
          if (error.containsKey(key) && error.get(key) instanceof JsonString s) {
            return s.getString();
          }
        }
      } catch (RuntimeException notJson) {
        // fall through to the status
      }
      return "HTTP " + status;
    }

    Reply orThrow() {
      if (ok()) {
        return this;
      }
      if (status == 400) {
        // Keycloak's own validation of the provider settings (validateConfiguration).
        throw new InvalidDirectoryException("directory", "Keycloak refused the settings: " + message() + ". Correct them and retry.");
      }
      if (status == 401 || status == 403) {
        throw new DirectoryProviderUnavailableException("Keycloak refused Tessera's service account tessera-service (HTTP " + status
            + "): check TESSERA_SERVICE_CLIENT_SECRET and that the account has the realm-management roles manage-realm and view-realm.");
      }
      if (status == 409) {
        throw new InvalidDirectoryException("name", "Keycloak refused the directory as a duplicate: " + message() + ". Choose another name.");
      }
      throw new DirectoryProviderUnavailableException("Keycloak answered HTTP " + status + " (" + message() + "); check its log (./tessera logs keycloak) and retry.");
    }
  }

  private Reply call(String method, String path, JsonObject body) {
    return callRaw(method, path, body).orThrow();
  }

  /**
   * A call with the service account (one retry on 401), without turning errors into exceptions;
   * also for {@link KeycloakUsers}, {@link KeycloakIdentityProviders} and {@link KeycloakRealmAdministration}.
   */
  Reply callRaw(String method, String path, JsonStructure body) {
    return callRaw(method, path, body == null ? null : body.toString(), "application/json");
  }

  /** {@link #callRaw(String, String, JsonStructure)} with a body of another type (e.g. a multipart form). */
  Reply callRaw(String method, String path, String body, String contentType) {
    Reply reply = send(method, path, body, contentType);
    if (reply.status() == 401) {
      // The cached token may have been revoked or the realm restarted: one fresh try.
      accessTokenExpiry = Instant.EPOCH;
      reply = send(method, path, body, contentType);
    }
    return reply;
  }

  /** The realm's public URL, e.g. {@code http://host/auth/realms/tessera}: the base of broker endpoints. */
  String realmUrl() {
    return settings().realmUrl();
  }

  private Reply send(String method, String path, String body, String contentType) {
    KeycloakAdminSettings s = settings();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(s.adminUrl() + path))
            .timeout(Duration.ofSeconds(120))
            .header("Authorization", "Bearer " + token())
            .header("Accept", "application/json")
            .header("Content-Type", contentType)
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
            .build();
    return exchange(request, s);
  }

  private Reply exchange(HttpRequest request, KeycloakAdminSettings s) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.body(), response.headers().firstValue("Location"));
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Keycloak's admin API at " + s.adminUrl() + " cannot be reached", e);
      throw new DirectoryProviderUnavailableException("Keycloak at " + s.realmUrl() + " cannot be reached (" + e.getClass().getSimpleName()
          + "): check that it runs (./tessera status) and retry.");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DirectoryProviderUnavailableException("Interrupted while waiting for Keycloak; retry.");
    }
  }

  private synchronized String token() {
    if (accessToken != null && Instant.now().isBefore(accessTokenExpiry)) {
      return accessToken;
    }
    KeycloakAdminSettings s = settings();
    String form = "grant_type=client_credentials&client_id=" + enc(s.clientId()) + "&client_secret=" + enc(s.clientSecret());
    Reply reply =
        exchange(
            HttpRequest.newBuilder(URI.create(s.tokenUrl()))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            s);
    if (!reply.ok()) {
      throw new DirectoryProviderUnavailableException("Keycloak did not give Tessera's service account tessera-service a token (" + reply.message()
          + "): check TESSERA_SERVICE_CLIENT_SECRET against the client's secret in the realm.");
    }
    JsonObject token = reply.object();
    accessToken = token.getString("access_token");
    // Renew a little early so that a token never expires in flight.
    accessTokenExpiry = Instant.now().plusSeconds(Math.max(5, token.getInt("expires_in", 60) - 20));
    return accessToken;
  }

  private String realmId() {
    if (realmId == null) {
      KeycloakAdminSettings s = settings();
      // The admin realm URL without the path prefix: GET /admin/realms/{realm}.
      realmId = call("GET", "", null).object().getString("id");
      LOG.fine(() -> "Realm id of " + s.realmUrl() + " is " + realmId);
    }
    return realmId;
  }

  private KeycloakAdminSettings settings() {
    if (settings == null) {
      settings = KeycloakAdminSettings.fromEnvironment();
    }
    return settings;
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
