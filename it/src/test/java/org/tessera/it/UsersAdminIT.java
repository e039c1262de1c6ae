package org.tessera.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Everyday user administration over Tessera's API against the real Keycloak of the shared platform:
 * search with the users' source (local, or an UnboundID LDAP directory), disable/enable, temporary
 * passwords, Tessera roles reaching a new token, signing out everywhere, groups, timeouts, events.
 */
class UsersAdminIT {

  static final String BASE = "dc=users-it,dc=example";
  static final String BIND_DN = "cn=keycloak," + BASE;
  static final String BIND_PASSWORD = "bind-Secret-2";

  static Platform platform;
  static KeycloakAdmin keycloak;
  static String admin;
  static InMemoryDirectoryServer ldap;
  static String directoryId;
  static final List<Runnable> cleanups = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    platform = Platform.shared();
    keycloak = new KeycloakAdmin(platform);
    admin = Http.passwordToken(platform.realmUrl(), "tessera-cli", platform.adminUsername(), platform.adminPassword());
    // Installations imported before events were switched on in the realm JSON: the API switches them on.
    Http.Response events = Http.send("PUT", api("/admin/events/config"), admin, "{\"eventsEnabled\": true, \"adminEventsEnabled\": true}");
    assertThat(events.status()).as(events.body()).isEqualTo(200);

    InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
    config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getByName("127.0.0.1"), Platform.port(590), null));
    ldap = new InMemoryDirectoryServer(config);
    ldap.add("dn: " + BASE, "objectClass: top", "objectClass: domain", "dc: users-it");
    ldap.add("dn: " + BIND_DN, "objectClass: inetOrgPerson", "cn: keycloak", "sn: keycloak", "userPassword: " + BIND_PASSWORD);
    ldap.add("dn: ou=people," + BASE, "objectClass: organizationalUnit", "ou: people");
    ldap.add("dn: uid=uait-lin,ou=people," + BASE, "objectClass: inetOrgPerson", "uid: uait-lin", "cn: Lin", "givenName: Lin", "sn: Directory",
        "mail: uait-lin@example.com", "userPassword: lin-Ldap-Pa55", "entryUUID: 5f0c2a1e-0000-4000-8000-000000000001");
    ldap.startListening();
    for (JsonNode d : Http.get(api("/admin/directories"), admin).json()) {
      if (d.get("name").asText().equals("it-users-ldap")) {
        Http.send("DELETE", api("/admin/directories/" + d.get("id").asText()), admin, null);
      }
    }
    String body = Http.JSON.writeValueAsString(Map.of("name", "it-users-ldap", "vendor", "other", "connectionUrl", "ldap://127.0.0.1:" + Platform.port(590),
        "bindDn", BIND_DN, "bindCredential", BIND_PASSWORD, "usersDn", "ou=people," + BASE));
    Http.Response added = Http.send("POST", api("/admin/directories"), admin, body);
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    directoryId = added.json().get("id").asText();
    JsonNode synced = Http.send("POST", api("/admin/directories/" + directoryId + "/sync?mode=full"), admin, "{}").json();
    assertThat(synced.get("ok").asBoolean()).as(synced.toString()).isTrue();
  }

  @AfterAll
  static void stop() {
    cleanups.forEach(Runnable::run);
    if (directoryId != null) {
      Http.send("DELETE", api("/admin/directories/" + directoryId), admin, null);
    }
    if (ldap != null) {
      ldap.shutDown(true);
    }
  }

  static String api(String path) {
    return platform.url() + "/api/v1" + path;
  }

  static Http.Response tokenFor(String username, String password) {
    return Http.postForm(platform.realmUrl() + "/protocol/openid-connect/token",
        Map.of("grant_type", "password", "client_id", "tessera-cli", "username", username, "password", password, "scope", "openid"));
  }

  @Test
  void search_lists_local_and_directory_users_with_their_source() {
    keycloak.ensureUser("uait-local");

    JsonNode local = Http.get(api("/admin/users?search=uait-local"), admin).json();
    JsonNode directory = Http.get(api("/admin/users?search=uait-lin"), admin).json();

    assertThat(local.get("users")).anySatisfy(u -> {
      assertThat(u.get("username").asText()).isEqualTo("uait-local");
      assertThat(u.get("source").asText()).isEqualTo("local");
    });
    assertThat(directory.get("users")).anySatisfy(u -> {
      assertThat(u.get("username").asText()).isEqualTo("uait-lin");
      assertThat(u.get("source").asText()).isEqualTo("directory");
      assertThat(u.get("sourceName").asText()).isEqualTo("it-users-ldap");
    });
    JsonNode page = Http.get(api("/admin/users?page=0&size=1"), admin).json();
    assertThat(page.get("users")).hasSize(1);
    assertThat(page.get("total").asLong()).isGreaterThan(1);
    JsonNode shown = Http.get(api("/admin/users/uait-lin"), admin).json();
    assertThat(shown.get("email").asText()).isEqualTo("uait-lin@example.com");
    assertThat(shown.get("attributes").has("LDAP_ID")).as(shown.toString()).isTrue();
    ApiIT.assertProblem(Http.get(api("/admin/users/uait-nobody"), admin), 404, "user-not-found");
    ApiIT.assertProblem(Http.get(api("/admin/users?size=1000"), admin), 400, "invalid-user-request");
  }

  @Test
  void a_disabled_user_gets_no_token_until_enabled_again() {
    String password = keycloak.ensureUser("uait-dis");
    assertThat(tokenFor("uait-dis", password).status()).isEqualTo(200);

    Http.Response disabled = Http.send("POST", api("/admin/users/uait-dis/disable"), admin, "{}");

    assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
    assertThat(disabled.json().get("enabled").asBoolean()).isFalse();
    Http.Response refused = tokenFor("uait-dis", password);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("invalid_grant");

    Http.send("POST", api("/admin/users/uait-dis/enable"), admin, "{}");
    assertThat(tokenFor("uait-dis", password).status()).isEqualTo(200);
    assertThat(Http.get(api("/audit?action=identity.user-disabled"), admin).json().get("total").asLong()).isPositive();
  }

  @Test
  void a_temporary_password_sets_the_update_password_action() {
    keycloak.ensureUser("uait-reset");

    Http.Response reset = Http.send("POST", api("/admin/users/uait-reset/reset-password"), admin, "{\"password\": \"Temp-Pa55-word\"}");

    assertThat(reset.status()).as(reset.body()).isEqualTo(200);
    assertThat(reset.json().get("requiredActions")).extracting(JsonNode::asText).contains("UPDATE_PASSWORD");
    Http.Response notYet = tokenFor("uait-reset", "Temp-Pa55-word");
    assertThat(notYet.status()).as("the password must be changed first").isEqualTo(400);
    assertThat(notYet.body()).contains("not fully set up");

    Http.Response cleared = Http.send("PUT", api("/admin/users/uait-reset/required-actions"), admin, "{\"actions\": []}");
    assertThat(cleared.json().get("requiredActions")).isEmpty();
    assertThat(tokenFor("uait-reset", "Temp-Pa55-word").status()).isEqualTo(200);

    Http.Response terms = Http.send("PUT", api("/admin/users/uait-reset/required-actions"), admin, "{\"actions\": [\"terms_and_conditions\", \"CONFIGURE_TOTP\"]}");
    assertThat(terms.status()).as(terms.body()).isEqualTo(200);
    assertThat(terms.json().get("requiredActions")).extracting(JsonNode::asText).containsExactlyInAnyOrder("TERMS_AND_CONDITIONS", "CONFIGURE_TOTP");
    Http.send("PUT", api("/admin/users/uait-reset/required-actions"), admin, "{\"actions\": []}");
    ApiIT.assertProblem(Http.send("PUT", api("/admin/users/uait-reset/required-actions"), admin, "{\"actions\": [\"DANCE\"]}"), 400, "invalid-user-request");
    ApiIT.assertProblem(Http.send("POST", api("/admin/users/uait-reset/reset-password"), admin, "{}"), 400, "invalid-user-request");
  }

  @Test
  void a_granted_role_is_in_me_after_a_new_sign_in_and_gone_after_revoking() {
    String password = keycloak.ensureUserWithRoles("uait-roles", List.of());

    Http.Response granted = Http.send("PUT", api("/admin/users/uait-roles/roles/ae-uploader"), admin, null);

    assertThat(granted.status()).as(granted.body()).isEqualTo(200);
    assertThat(granted.json().get("roles")).extracting(JsonNode::asText).contains("ae-uploader");
    String token = Http.passwordToken(platform.realmUrl(), "tessera-cli", "uait-roles", password);
    assertThat(Http.get(api("/me"), token).json().get("roles")).extracting(JsonNode::asText).contains("ae-uploader");
    JsonNode adminEvents = Http.get(api("/admin/events/admin?resourceType=REALM_ROLE_MAPPING&operation=CREATE"), admin).json();
    assertThat(adminEvents.get("events")).anySatisfy(e -> assertThat(e.get("user").asText()).isEqualTo("service-account-tessera-service"));

    Http.send("DELETE", api("/admin/users/uait-roles/roles/ae-uploader"), admin, null);
    String again = Http.passwordToken(platform.realmUrl(), "tessera-cli", "uait-roles", password);
    assertThat(Http.get(api("/me"), again).json().get("roles")).extracting(JsonNode::asText).doesNotContain("ae-uploader");
    ApiIT.assertProblem(Http.send("PUT", api("/admin/users/uait-roles/roles/offline_access"), admin, null), 400, "invalid-user-request");
    JsonNode logins = Http.get(api("/admin/events/login?type=LOGIN&user=uait-roles&size=5"), admin).json();
    assertThat(logins.get("events")).isNotEmpty().allSatisfy(e -> assertThat(e.get("username").asText()).isEqualTo("uait-roles"));
  }

  @Test
  void signing_out_everywhere_ends_the_refresh_token() {
    String password = keycloak.ensureUser("uait-out");
    JsonNode tokens = tokenFor("uait-out", password).json();
    String refresh = tokens.get("refresh_token").asText();
    assertThat(Http.get(api("/admin/users/uait-out/sessions"), admin).json()).isNotEmpty();

    Http.Response out = Http.send("POST", api("/admin/users/uait-out/sign-out"), admin, "{}");

    assertThat(out.status()).as(out.body()).isEqualTo(204);
    Http.Response refreshed = Http.postForm(platform.realmUrl() + "/protocol/openid-connect/token",
        Map.of("grant_type", "refresh_token", "client_id", "tessera-cli", "refresh_token", refresh));
    assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(400);
    assertThat(refreshed.body()).contains("invalid_grant");
    assertThat(Http.get(api("/admin/users/uait-out/sessions"), admin).json()).isEmpty();
  }

  @Test
  void groups_carry_roles_and_members_join_and_leave() {
    keycloak.ensureUser("uait-member");
    keycloak.ensureGroupMember("uait-member", "uait-team");
    Http.send("DELETE", api("/admin/users/uait-member/groups/uait-team"), admin, null);

    JsonNode joined = Http.send("PUT", api("/admin/users/uait-member/groups/uait-team"), admin, null).json();
    JsonNode granted = Http.send("PUT", api("/admin/groups/uait-team/roles/ae-deployer"), admin, null).json();

    assertThat(joined.get("groups")).extracting(JsonNode::asText).contains("uait-team");
    assertThat(granted.get("roles")).extracting(JsonNode::asText).contains("ae-deployer");
    assertThat(Http.get(api("/admin/groups/uait-team/members"), admin).json()).extracting(u -> u.get("username").asText()).contains("uait-member");
    assertThat(Http.get(api("/admin/users/uait-member"), admin).json().get("effectiveRoles")).extracting(JsonNode::asText).contains("ae-deployer");
    assertThat(Http.get(api("/admin/groups"), admin).json()).anySatisfy(g -> {
      assertThat(g.get("name").asText()).isEqualTo("admins");
      assertThat(g.get("roles")).extracting(JsonNode::asText).contains("ae-admin");
    });
    JsonNode revoked = Http.send("DELETE", api("/admin/groups/uait-team/roles/ae-deployer"), admin, null).json();
    assertThat(revoked.get("roles")).extracting(JsonNode::asText).doesNotContain("ae-deployer");
    JsonNode left = Http.send("DELETE", api("/admin/users/uait-member/groups/uait-team"), admin, null).json();
    assertThat(left.get("groups")).extracting(JsonNode::asText).doesNotContain("uait-team");
    ApiIT.assertProblem(Http.send("PUT", api("/admin/users/uait-member/groups/uait-no-group"), admin, null), 404, "group-not-found");
  }

  @Test
  void timeouts_are_read_updated_and_checked_as_a_whole() {
    JsonNode before = Http.get(api("/admin/realm-settings"), admin).json();
    int idle = before.get("ssoSessionIdleTimeout").asInt();
    assertThat(idle).isPositive();
    assertThat(before.get("accessTokenLifespan").asInt()).isPositive();
    assertThat(before.has("registrationAllowed")).isTrue();
    cleanups.add(() -> Http.send("PUT", api("/admin/realm-settings"), admin, "{\"ssoSessionIdleTimeout\": " + idle + ", \"registrationAllowed\": " + before.get("registrationAllowed") + "}"));

    String registration = platform.realmUrl() + "/protocol/openid-connect/registrations?client_id=tessera-web&response_type=code&scope=openid&redirect_uri="
        + java.net.URLEncoder.encode(platform.url() + "/", StandardCharsets.UTF_8);
    Http.send("PUT", api("/admin/realm-settings"), admin, "{\"registrationAllowed\": false}");
    assertThat(Http.get(registration, null).status()).as("registration refused while off").isEqualTo(400);

    Http.Response changed = Http.send("PUT", api("/admin/realm-settings"), admin, "{\"ssoSessionIdleTimeout\": " + (idle + 60) + ", \"registrationAllowed\": true}");

    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(Http.get(api("/admin/realm-settings"), admin).json().get("ssoSessionIdleTimeout").asInt()).isEqualTo(idle + 60);
    assertThat(Http.get(registration, null).status()).as("Keycloak goes on to its registration form").isIn(200, 302);

    Http.Response invalid = Http.send("PUT", api("/admin/realm-settings"), admin, "{\"accessTokenLifespan\": 999999, \"ssoSessionMaxLifespan\": -1, \"bogus\": 1}");
    ApiIT.assertProblem(invalid, 400, "invalid-realm-settings");
    assertThat(invalid.json().get("errors")).extracting(e -> e.get("field").asText()).contains("bogus");
    Http.Response tooLong = Http.send("PUT", api("/admin/realm-settings"), admin, "{\"accessTokenLifespan\": " + (idle + 600) + "}");
    ApiIT.assertProblem(tooLong, 400, "invalid-realm-settings");
    assertThat(tooLong.json().get("detail").asText()).contains("Access Token Lifespan");
    assertThat(Http.get(api("/admin/realm-settings"), admin).json().get("accessTokenLifespan")).isEqualTo(before.get("accessTokenLifespan"));
  }

  /** The Users page and a user's page in Chromium: source, disable, enable, acting as the user with its banner, stopping. */
  @Test
  void the_users_page_finds_a_directory_user_and_an_admin_acts_as_it() throws Exception {
    Process node = new ProcessBuilder("node", "users.mjs", platform.url() + "/", platform.adminUsername(), platform.adminPassword(), "uait-lin")
        .directory(Launcher.ROOT.resolve("it/browser").toFile())
        .redirectErrorStream(true)
        .start();
    assertThat(node.waitFor(3, TimeUnit.MINUTES)).as("the browser script finished").isTrue();
    String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(node.exitValue()).as(output).isZero();
    JsonNode seen = Http.JSON.readTree(output.lines().reduce((a, b) -> b).orElseThrow());

    assertThat(seen.get("listed").asInt()).isPositive();
    assertThat(seen.get("listSource").asText()).isEqualTo("LDAP it-users-ldap");
    assertThat(seen.get("source").asText()).isEqualTo("LDAP it-users-ldap");
    assertThat(seen.get("disabled").asText()).contains("Disabled uait-lin");
    assertThat(seen.get("statusAfterDisable").asText()).isEqualTo("disabled");
    assertThat(seen.get("statusAfterEnable").asText()).isEqualTo("enabled");
    assertThat(seen.get("banner").asText()).contains("You are acting as uait-lin").contains("signed in as " + platform.adminUsername());
    assertThat(seen.get("signedInAs").asText()).isEqualTo("Lin Directory");
    assertThat(seen.get("adminPageWhileActing").asText()).contains("Only administrators can see and change users.");
    assertThat(seen.get("afterStop").asText()).contains("admin/user.xhtml?username=uait-lin");
    assertThat(seen.get("bannerAfterStop").asInt()).isZero();
    assertThat(seen.get("groups").asText()).contains("/admins", "[ae-admin]");
    assertThat(seen.get("members").asText()).contains(platform.adminUsername());
    assertThat(seen.get("timeouts").asText()).contains("SSO Session Idle", "SSO Session Max", "Access Token Lifespan", "Login action timeout");
    assertThat(seen.get("invalidTimeout").asText()).contains("Access Token Lifespan (999999 s) must be shorter than SSO Session Idle");
    assertThat(seen.get("adminEvents").asText()).contains("UPDATE", "users/");
    assertThat(seen.get("badDate").asText()).contains("is not a date");
    assertThat(seen.get("unknownUser").asText()).contains("There is no user 'uait-nobody'");
    JsonNode audit = Http.get(api("/audit?action=identity.impersonat&actor=" + platform.adminUsername()), admin).json();
    assertThat(audit.get("events")).extracting(e -> e.get("action").asText()).contains("identity.impersonation-started", "identity.impersonation-ended");
  }

  /** {@code tessera admin users} through the launcher against the real API. */
  @Test
  void the_cli_lists_shows_disables_and_enables_users() {
    String password = keycloak.ensureUser("uait-cli");
    java.util.function.BiFunction<String, String[], Launcher.Result> cli = (stdin, args) -> Launcher.run(platform.env(), java.time.Duration.ofMinutes(2), stdin, args);
    cli.apply(null, new String[] {"config", "set", "sites.master.url", platform.url()});
    assertThat(cli.apply(platform.adminPassword() + "\n", new String[] {"login", "--username", platform.adminUsername(), "--password-stdin"}).exitCode()).isZero();

    Launcher.Result list = cli.apply(null, new String[] {"admin", "users", "list", "--search", "uait-lin"});
    Launcher.Result show = cli.apply(null, new String[] {"admin", "users", "show", "uait-cli"});
    Launcher.Result disable = cli.apply(null, new String[] {"admin", "users", "disable", "uait-cli"});

    assertThat(list.exitCode()).as(list.output()).isZero();
    assertThat(list.output()).contains("uait-lin", "ldap:it-users-ldap");
    assertThat(show.output()).contains("uait-cli@example.org", "source:", "local", "everyone");
    assertThat(disable.exitCode()).as(disable.output()).isZero();
    assertThat(tokenFor("uait-cli", password).status()).isEqualTo(400);
    assertThat(cli.apply(null, new String[] {"admin", "users", "enable", "uait-cli"}).exitCode()).isZero();
    assertThat(tokenFor("uait-cli", password).status()).isEqualTo(200);
    Launcher.Result unknown = cli.apply(null, new String[] {"admin", "users", "show", "uait-nobody"});
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.output()).contains("There is no user 'uait-nobody'");
  }
}
