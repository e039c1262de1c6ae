package org.tessera.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The group rules LDAP mapper ({@code tessera-group-rules-ldap-mapper}) in the Keycloak that
 * {@code up} runs, against an UnboundID in-memory directory shaped like OpenLDAP (inetOrgPerson
 * users, groupOfNames groups). The test creates its own LDAP provider (cache policy NO_CACHE, so
 * that every sign-in reads the directory) and removes it at the end, which also removes the users
 * it imported; entryUUIDs that UnboundID makes anew at each start therefore never meet old links.
 *
 * <p>Not covered here: nested Active Directory groups (LDAP_MATCHING_RULE_IN_CHAIN), which
 * UnboundID does not implement; {@link ActiveDirectoryIT} runs them against a real Samba AD DC and
 * {@code GroupRulesLDAPStorageMapperFactoryTest} pins the filter.
 */
class LdapRuleMapperIT {

  private static final String BASE = "dc=example,dc=org";
  private static final String USERS = "ou=users," + BASE;
  private static final String GROUPS = "ou=groups," + BASE;
  private static final String PROVIDER_NAME = "it-ldap-rules";
  private static final String PLACEHOLDER = "cn=empty-membership-placeholder";

  private static Platform platform;
  private static InMemoryDirectoryServer directory;
  private static String realmId;
  private static String providerId;
  /** Filters of the searches under ou=groups, in the order they came. */
  private static final List<String> groupSearches = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void startDirectoryAndFederateIt() throws Exception {
    platform = Platform.shared();
    directory = startDirectory();
    realmId = admin("GET", "", null).json().get("id").asText();
    for (JsonNode leftover : providers()) {
      admin("DELETE", "/components/" + leftover.get("id").asText(), null);
    }
    Http.Response created =
        admin(
            "POST",
            "/components",
            Http.JSON.writeValueAsString(
                Map.of(
                    "name", PROVIDER_NAME,
                    "providerId", "ldap",
                    "providerType", "org.keycloak.storage.UserStorageProvider",
                    "parentId", realmId,
                    "config",
                    Map.ofEntries(
                        Map.entry("enabled", List.of("true")),
                        Map.entry("vendor", List.of("other")),
                        Map.entry("connectionUrl", List.of("ldap://127.0.0.1:" + directory.getListenPort())),
                        Map.entry("bindDn", List.of("cn=Directory Manager")),
                        Map.entry("bindCredential", List.of("directory-secret")),
                        Map.entry("authType", List.of("simple")),
                        Map.entry("usersDn", List.of(USERS)),
                        Map.entry("usernameLDAPAttribute", List.of("uid")),
                        Map.entry("rdnLDAPAttribute", List.of("uid")),
                        Map.entry("uuidLDAPAttribute", List.of("entryUUID")),
                        Map.entry("userObjectClasses", List.of("inetOrgPerson")),
                        Map.entry("searchScope", List.of("1")),
                        Map.entry("editMode", List.of("READ_ONLY")),
                        Map.entry("importEnabled", List.of("true")),
                        Map.entry("pagination", List.of("false")),
                        Map.entry("trustEmail", List.of("true")),
                        Map.entry("cachePolicy", List.of("NO_CACHE"))))));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    providerId = providers().get(0).get("id").asText();
    Http.Response mapper =
        createMapper(
            "it-rules",
            List.of(
                "# Tessera roles from directory groups",
                "cn:grp-ae5-* -> roles=ae-uploader",
                "dn:cn=platform-admins,ou=groups,dc=example,dc=org -> groups=/admins"));
    assertThat(mapper.status()).as(mapper.body()).isEqualTo(201);
  }

  @AfterAll
  static void removeProviderAndDirectory() {
    if (providerId != null) {
      admin("DELETE", "/components/" + providerId, null);
    }
    if (directory != null) {
      directory.shutDown(true);
    }
  }

  @Test
  void serverInfo_listsTheMapperType() {
    JsonNode types =
        Http.get(platform.keycloakUrl() + "/admin/serverinfo", adminToken())
            .json()
            .get("componentTypes")
            .get("org.keycloak.storage.ldap.mappers.LDAPStorageMapper");
    assertThat(types.findValuesAsText("id")).contains("tessera-group-rules-ldap-mapper");
  }

  @Test
  void memberOfMatchingGroup_getsTheRuleRoleInTheAccessToken() {
    assertThat(realmRoles("rm-alice")).contains("ae-uploader");
  }

  @Test
  void removedFromTheDirectoryGroup_losesTheRoleAtTheNextSignIn() throws Exception {
    assertThat(realmRoles("rm-dave")).contains("ae-uploader");
    directory.modify(group("grp-ae5-data"), new Modification(ModificationType.DELETE, "member", user("rm-dave")));
    assertThat(realmRoles("rm-dave")).doesNotContain("ae-uploader").contains("ae-creator");
  }

  @Test
  void dnRule_putsTheUserInTheKeycloakGroup() {
    assertThat(realmRoles("rm-bob")).contains("ae-admin");
    assertThat(Http.get(adminUrl("/users/" + userId("rm-bob") + "/groups"), adminToken()).json().findValuesAsText("path"))
        .contains("/admins");
  }

  @Test
  void roleGrantedByHand_isKeptWhenTheRuleStopsMatching() throws Exception {
    assertThat(realmRoles("rm-erin")).doesNotContain("ae-uploader");
    String role = Http.get(adminUrl("/roles/ae-uploader"), adminToken()).body();
    Http.Response granted = admin("POST", "/users/" + userId("rm-erin") + "/role-mappings/realm", "[" + role + "]");
    assertThat(granted.status()).as(granted.body()).isEqualTo(204);
    directory.modify(group("grp-ae5-data"), new Modification(ModificationType.ADD, "member", user("rm-erin")));
    assertThat(realmRoles("rm-erin")).contains("ae-uploader");
    directory.modify(group("grp-ae5-data"), new Modification(ModificationType.DELETE, "member", user("rm-erin")));
    assertThat(realmRoles("rm-erin")).contains("ae-uploader");
  }

  @Test
  void fullSync_grantsTheRoleToUsersWhoNeverSignedIn() {
    Http.Response sync = admin("POST", "/user-storage/" + providerId + "/sync?action=triggerFullSync", null);
    assertThat(sync.status()).as(sync.body()).isEqualTo(200);
    assertThat(realmRoleMappings("rm-carol")).contains("ae-uploader");
  }

  @Test
  void fullSync_ofImportedUsers_readsTheGroupsOnceAndFollowsTheDirectoryAsItIsAtEachSync() throws Exception {
    // A second rules mapper of its own, removed before each check: a check looks the user up, and a
    // look-up runs the mappers there are with a search of its own, which would hide what the sync did.
    String rule = "cn:grp-sync-check -> roles=ae-deployer";
    assertThat(createMapper("it-sync-rules", List.of(rule)).status()).isEqualTo(201);
    syncFully(); // imports rm-frank if no other test has
    directory.modify(group("grp-sync-check"), new Modification(ModificationType.DELETE, "member", user("rm-frank")));

    groupSearches.clear();
    syncFully();
    assertThat(groupSearches).as("per sync, each rules mapper reads all groups once and searches for no user's groups")
        .hasSize(2)
        .noneMatch(filter -> filter.toLowerCase(Locale.ROOT).contains("member"));
    removeMapper("it-sync-rules");
    assertThat(realmRoleMappings("rm-frank")).as("taken back by the sync after the directory change").doesNotContain("ae-deployer");

    assertThat(createMapper("it-sync-rules", List.of(rule)).status()).isEqualTo(201);
    directory.modify(group("grp-sync-check"), new Modification(ModificationType.ADD, "member", user("rm-frank")));
    syncFully();
    removeMapper("it-sync-rules");
    assertThat(realmRoleMappings("rm-frank")).as("given by the sync from its read of the groups").contains("ae-deployer");
  }

  @Test
  void unknownRole_isRefusedWith400NamingRoleAndLine() {
    Http.Response refused = createMapper("it-bad-role", List.of("cn:grp-ae5-* -> roles=ae-uploader", "cn:x -> roles=ae-wizard"));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("Line 2").contains("ae-wizard").contains("does not exist");
  }

  @Test
  void badSyntax_isRefusedWith400NamingTheLine() {
    // Comment lines count; blank ones do not reach the mapper (Keycloak drops blank config values).
    Http.Response refused = createMapper("it-bad-syntax", List.of("cn:grp-ae5-* -> roles=ae-uploader", "# admins", "cn:x roles=ae-admin"));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("Line 3").contains("->");
  }

  // --- directory ---------------------------------------------------------------------------------

  private static InMemoryDirectoryServer startDirectory() throws Exception {
    InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
    config.addAdditionalBindCredentials("cn=Directory Manager", "directory-secret");
    config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getByName("127.0.0.1"), 0, null));
    config.addInMemoryOperationInterceptor(new InMemoryOperationInterceptor() {
      @Override
      public void processSearchRequest(InMemoryInterceptedSearchRequest request) {
        if (request.getRequest().getBaseDN().equalsIgnoreCase(GROUPS)) {
          groupSearches.add(request.getRequest().getFilter().toString());
        }
      }
    });
    InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
    server.add("dn: " + BASE, "objectClass: top", "objectClass: domain", "dc: example");
    server.add("dn: " + USERS, "objectClass: organizationalUnit", "ou: users");
    server.add("dn: " + GROUPS, "objectClass: organizationalUnit", "ou: groups");
    for (String uid : List.of("rm-alice", "rm-bob", "rm-carol", "rm-dave", "rm-erin", "rm-frank")) {
      server.add(
          "dn: " + user(uid),
          "objectClass: inetOrgPerson",
          "uid: " + uid,
          "cn: " + uid,
          "givenName: " + uid,
          "sn: Directory",
          "mail: " + uid + "@example.org",
          "userPassword: " + password(uid));
    }
    addGroup(server, "grp-ae5-data", "rm-alice", "rm-dave");
    addGroup(server, "grp-ae5-ops", "rm-carol");
    addGroup(server, "grp-sync-check", "rm-frank");
    addGroup(server, "platform-admins", "rm-bob");
    addGroup(server, "unrelated", "rm-alice", "rm-bob");
    server.startListening();
    return server;
  }

  private static void addGroup(InMemoryDirectoryServer server, String cn, String... members) throws Exception {
    List<String> lines = new ArrayList<>(List.of("dn: " + group(cn), "objectClass: groupOfNames", "cn: " + cn));
    lines.add("member: " + PLACEHOLDER); // groupOfNames needs a member; stays when the last user leaves
    for (String uid : members) {
      lines.add("member: " + user(uid));
    }
    server.add(lines.toArray(String[]::new));
  }

  private static String user(String uid) {
    return "uid=" + uid + "," + USERS;
  }

  private static String group(String cn) {
    return "cn=" + cn + "," + GROUPS;
  }

  private static String password(String uid) {
    return uid + "-Dir3ctory";
  }

  // --- Keycloak ----------------------------------------------------------------------------------

  /** Realm roles in the access token of a password-grant sign-in (composites expanded). */
  private static List<String> realmRoles(String uid) {
    String token = Http.passwordToken(platform.realmUrl(), "tessera-cli", uid, password(uid));
    String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    try {
      List<String> roles = new ArrayList<>();
      Http.JSON.readTree(payload).path("realm_access").path("roles").forEach(role -> roles.add(role.asText()));
      return roles;
    } catch (Exception e) {
      throw new AssertionError(payload, e);
    }
  }

  /** The realm roles granted to the user directly, as Keycloak stores them (no sign-in involved). */
  private static List<String> realmRoleMappings(String uid) {
    return Http.get(adminUrl("/users/" + userId(uid) + "/role-mappings/realm"), adminToken()).json().findValuesAsText("name");
  }

  private static void removeMapper(String name) {
    JsonNode mappers = Http.get(adminUrl("/components?parent=" + providerId + "&name=" + name), adminToken()).json();
    assertThat(mappers).as(name).hasSize(1);
    Http.Response removed = admin("DELETE", "/components/" + mappers.get(0).get("id").asText(), null);
    assertThat(removed.status()).as(removed.body()).isEqualTo(204);
  }

  private static void syncFully() {
    Http.Response sync = admin("POST", "/user-storage/" + providerId + "/sync?action=triggerFullSync", null);
    assertThat(sync.status()).as(sync.body()).isEqualTo(200);
    assertThat(sync.body()).contains("\"failed\":0");
  }

  private static Http.Response createMapper(String name, List<String> rules) {
    try {
      return admin(
          "POST",
          "/components",
          Http.JSON.writeValueAsString(
              Map.of(
                  "name", name,
                  "providerId", "tessera-group-rules-ldap-mapper",
                  "providerType", "org.keycloak.storage.ldap.mappers.LDAPStorageMapper",
                  "parentId", providerId,
                  "config", Map.of("rules", rules, "groups.dn", List.of(GROUPS)))));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static JsonNode providers() {
    return Http.get(
            adminUrl("/components?parent=" + realmId + "&type=org.keycloak.storage.UserStorageProvider&name=" + PROVIDER_NAME),
            adminToken())
        .json();
  }

  private static String userId(String username) {
    return Http.get(adminUrl("/users?exact=true&username=" + username), adminToken()).json().get(0).get("id").asText();
  }

  private static Http.Response admin(String method, String path, String json) {
    return Http.send(method, adminUrl(path), adminToken(), json);
  }

  private static String adminUrl(String path) {
    return platform.keycloakUrl() + "/admin/realms/tessera" + path;
  }

  /** A fresh master-realm admin token per call: they live one minute. */
  private static String adminToken() {
    return Http.passwordToken(
        platform.keycloakUrl() + "/realms/master", "admin-cli", platform.keycloakAdminUsername(), platform.keycloakAdminPassword());
  }
}
