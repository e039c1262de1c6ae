package org.tessera.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A real Active Directory connected over Tessera's API only: a Samba AD domain controller that
 * {@link SambaDomain} provisions and starts (users in {@code OU=People}, groups in {@code
 * OU=Groups}: {@code ad-nested} ∈ {@code grp-inner} ∈ {@code grp-ae5-outer}, {@code ad-direct} ∈
 * {@code grp-direct}, {@code ad-disabled} ∈ {@code grp-inner} but disabled), added with the Active
 * Directory preset over LDAPS with Samba's CA uploaded, synced, and given group rules that follow
 * nested groups (LDAP_MATCHING_RULE_IN_CHAIN); then real sign-ins, over the password grant and in
 * Chromium through Keycloak's login page.
 *
 * <p>Where Samba cannot run (not root, packages missing and not installable, 389/636 taken, or it
 * fails to provision or start) every test is skipped with the reason; it never passes without Samba.
 * The tests run in order: they share the one domain and directory, as an administrator would.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ActiveDirectoryIT {

  static final String NAME = "it-active-directory";
  static final String PEOPLE = "OU=People,OU=Tessera," + SambaDomain.BASE;
  static final String GROUPS = "OU=Groups,OU=Tessera," + SambaDomain.BASE;
  static final String SERVICE_DN = "CN=svc-tessera,CN=Users," + SambaDomain.BASE;
  static final String SERVICE_PASSWORD = "svc-Tessera-Pa55";

  /** Why Samba cannot run here; each test is skipped with it (an aborted @BeforeAll would count no test at all). */
  static String skipped;
  static SambaDomain samba;
  static Platform platform;
  static String admin;
  static String id;

  @BeforeAll
  static void provisionTheDomainAndConnectIt() throws Exception {
    Optional<String> whyNot = SambaDomain.whyNot();
    if (whyNot.isPresent()) {
      skip("Samba AD DC cannot run here: " + whyNot.get());
      return;
    }
    try {
      samba = SambaDomain.provision(Launcher.IT_DIR.resolve("samba-ad"));
      populate(samba);
      samba.start(Duration.ofSeconds(90));
    } catch (IllegalStateException e) {
      if (samba != null) {
        samba.close();
        samba = null;
      }
      skip("Samba AD DC could not be provisioned or started here: " + e.getMessage());
      return;
    }

    platform = Platform.shared();
    admin = Http.passwordToken(platform.realmUrl(), "tessera-cli", platform.adminUsername(), platform.adminPassword());
    for (JsonNode d : Http.get(directories(), admin).json()) {
      if (d.get("name").asText().equals(NAME)) {
        Http.send("DELETE", directories() + "/" + d.get("id").asText(), admin, null);
      }
    }
    KeycloakAdmin keycloak = new KeycloakAdmin(platform);
    keycloak.ensureGroup("ad-deployers");
    keycloak.ensureGroup("ad-analysts");

    ObjectNode body = directory(NAME, samba.ldapsUrl());
    body.put("groupsDn", GROUPS);
    body.put("caCertificatePem", samba.caCertificatePem());
    Http.Response created = Http.send("POST", directories(), admin, body.toString());
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    id = created.json().get("id").asText();
    assertThat(platform.home().resolve("truststore/directory-" + id + ".pem")).hasContent(samba.caCertificatePem().strip());

    // Keycloak reads its truststore at start: this run's CA is new, so it is trusted after a restart.
    JsonNode before = check(id, "connection", "{}");
    if (!before.get("ok").asBoolean()) {
      assertThat(before.get("message").asText()).contains("trusts its certificate");
      platform.down();
      platform.up();
      admin = Http.passwordToken(platform.realmUrl(), "tessera-cli", platform.adminUsername(), platform.adminPassword());
    }
  }

  private static void skip(String reason) {
    skipped = reason;
    System.err.println("ActiveDirectoryIT skipped: " + reason);
  }

  @BeforeEach
  void sambaRuns() {
    assumeTrue(skipped == null, () -> skipped);
  }

  /** Users, groups and memberships made with samba-tool before the DC starts. */
  static void populate(SambaDomain samba) {
    samba.tool("ou", "add", "OU=Tessera," + SambaDomain.BASE);
    samba.tool("ou", "add", PEOPLE);
    samba.tool("ou", "add", GROUPS);
    samba.tool("user", "add", "svc-tessera", SERVICE_PASSWORD, "--use-username-as-cn");
    for (String[] user : new String[][] {{"ad-nested", "Nora", "Nested"}, {"ad-direct", "Dirk", "Direct"}, {"ad-disabled", "Dora", "Disabled"}}) {
      // As in most ADs, the CN is the full name ("Nora Nested"): DNs with spaces, names from cn and sn.
      samba.tool("user", "add", user[0], password(user[0]), "--userou=OU=People,OU=Tessera", "--given-name=" + user[1],
          "--surname=" + user[2], "--mail-address=" + user[0] + "@tessera.test");
    }
    for (String group : List.of("grp-ae5-outer", "grp-inner", "grp-direct")) {
      samba.tool("group", "add", group, "--groupou=OU=Groups,OU=Tessera");
    }
    samba.tool("group", "addmembers", "grp-ae5-outer", "grp-inner");
    samba.tool("group", "addmembers", "grp-inner", "ad-nested,ad-disabled");
    samba.tool("group", "addmembers", "grp-direct", "ad-direct");
    samba.tool("user", "disable", "ad-disabled");
  }

  @AfterAll
  static void removeDirectoryAndStopSamba() {
    try {
      if (id != null) {
        // Also removes the users Keycloak imported from it, and the CA file.
        Http.send("DELETE", directories() + "/" + id, admin, null);
      }
    } finally {
      if (samba != null) {
        samba.close();
      }
    }
  }

  @Test
  @Order(1)
  void the_ad_preset_connects_over_ldaps_with_the_uploaded_ca_and_a_full_sync_imports_the_users() {
    JsonNode saved = Http.get(directories() + "/" + id, admin).json();
    assertThat(saved.get("vendor").asText()).isEqualTo("ad");
    assertThat(saved.get("usernameLDAPAttribute").asText()).as("preset").isEqualTo("sAMAccountName");
    assertThat(saved.get("rdnLDAPAttribute").asText()).isEqualTo("cn");
    assertThat(saved.get("uuidLDAPAttribute").asText()).isEqualTo("objectGUID");
    assertThat(saved.get("userObjectClasses").asText()).contains("user");
    assertThat(Http.get(directories() + "/" + id + "/mappers", admin).json()).extracting(m -> m.get("type").asText())
        .contains("msad-user-account-control-mapper", "group-ldap-mapper");

    JsonNode connection = check(id, "connection", "{}");
    assertThat(connection.get("ok").asBoolean()).as(connection.toString()).isTrue();
    JsonNode authentication = check(id, "authentication", "{}");
    assertThat(authentication.get("ok").asBoolean()).as(authentication.toString()).isTrue();
    JsonNode wrong = check(id, "authentication", "{\"bindCredential\": \"not-the-password\"}");
    assertThat(wrong.get("ok").asBoolean()).as(wrong.toString()).isFalse();

    Http.Response synced = Http.send("POST", directories() + "/" + id + "/sync?mode=full", admin, "{}");
    assertThat(synced.status()).as(synced.body()).isEqualTo(200);
    assertThat(synced.json().get("ok").asBoolean()).as(synced.body()).isTrue();
    assertThat(synced.json().get("added").asInt()).as("ad-nested, ad-direct, ad-disabled: " + synced.body()).isEqualTo(3);
    assertThat(synced.json().get("failed").asInt()).as(synced.body()).isZero();

    JsonNode disabled = Http.get(platform.url() + "/api/v1/admin/users?search=ad-disabled", admin).json();
    assertThat(disabled.get("users")).as(disabled.toString()).singleElement().satisfies(u -> {
      assertThat(u.get("source").asText()).isEqualTo("directory");
      assertThat(u.get("sourceName").asText()).isEqualTo(NAME);
      assertThat(u.get("enabled").asBoolean()).as("userAccountControl ACCOUNTDISABLE, through the MSAD mapper").isFalse();
    });
    JsonNode nested = Http.get(platform.url() + "/api/v1/admin/users?search=ad-nested", admin).json();
    assertThat(nested.get("users")).singleElement().satisfies(u -> {
      assertThat(u.get("enabled").asBoolean()).isTrue();
      assertThat(u.get("email").asText()).isEqualTo("ad-nested@tessera.test");
    });
  }

  @Test
  @Order(2)
  void group_rules_with_nested_ad_groups_are_saved_and_the_preview_follows_the_chain() {
    String rulesUrl = directories() + "/" + id + "/group-rules";
    JsonNode defaults = Http.get(rulesUrl, admin).json();
    assertThat(defaults.get("groupsDn").asText()).as("from the group mapper").isEqualTo(GROUPS);
    assertThat(defaults.get("groupObjectClasses").asText()).as("AD preset").isEqualTo("group");

    Http.Response saved = Http.send("PUT", rulesUrl, admin, "{\"rules\": [{\"match\": \"cn\", \"pattern\": \"grp-ae5-*\", \"roles\": [\"ae-uploader\"], \"groups\": [\"/ad-deployers\"]},"
        + " {\"match\": \"cn\", \"pattern\": \"grp-direct\", \"groups\": [\"/ad-analysts\"]}], \"nestedAdGroups\": true}");
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    assertThat(saved.json().get("nestedAdGroups").asBoolean()).isTrue();
    assertThat(saved.json().get("rules")).hasSize(2);

    JsonNode nested = Http.send("POST", rulesUrl + "/preview", admin, "{\"username\": \"ad-nested\"}").json();
    assertThat(nested.get("userDn").asText()).as(nested.toString()).isEqualToIgnoringCase("CN=Nora Nested," + PEOPLE);
    assertThat(lowerCase(nested.get("directoryGroups"))).as("member of grp-inner, and so of grp-ae5-outer")
        .containsExactlyInAnyOrder(("CN=grp-inner," + GROUPS).toLowerCase(Locale.ROOT), ("CN=grp-ae5-outer," + GROUPS).toLowerCase(Locale.ROOT));
    assertThat(nested.get("roles")).extracting(JsonNode::asText).containsExactly("ae-uploader");
    assertThat(nested.get("groups")).extracting(JsonNode::asText).containsExactly("/ad-deployers");

    JsonNode direct = Http.send("POST", rulesUrl + "/preview", admin, "{\"username\": \"ad-direct\"}").json();
    assertThat(lowerCase(direct.get("directoryGroups"))).as(direct.toString()).containsExactly(("CN=grp-direct," + GROUPS).toLowerCase(Locale.ROOT));
    assertThat(direct.get("roles")).isEmpty();
    assertThat(direct.get("groups")).extracting(JsonNode::asText).containsExactly("/ad-analysts");

    // Without LDAP_MATCHING_RULE_IN_CHAIN only the direct group is found, and the rule gives nothing.
    JsonNode flat = Http.send("POST", rulesUrl + "/preview", admin, "{\"username\": \"ad-nested\", \"nestedAdGroups\": false}").json();
    assertThat(lowerCase(flat.get("directoryGroups"))).as(flat.toString()).containsExactly(("CN=grp-inner," + GROUPS).toLowerCase(Locale.ROOT));
    assertThat(flat.get("roles")).isEmpty();

    JsonNode byGroup = Http.send("POST", rulesUrl + "/preview", admin, "{\"group\": \"grp-ae5-outer\"}").json();
    assertThat(byGroup.get("roles")).as(byGroup.toString()).extracting(JsonNode::asText).containsExactly("ae-uploader");
  }

  @Test
  @Order(3)
  void a_full_sync_of_imported_users_gives_the_nested_group_role_from_one_read_of_the_groups() {
    // ad-disabled was imported before the rules were saved and has not been looked up since: only
    // this sync gives it the role, and a sync of imported users answers from one read of all
    // groups, following grp-inner -> grp-ae5-outer in memory instead of asking AD per user. The
    // rules mapper is removed before the checks, since a look-up runs it with a search of its own.
    Http.Response synced = Http.send("POST", directories() + "/" + id + "/sync?mode=full", admin, "{}");
    assertThat(synced.status()).as(synced.body()).isEqualTo(200);
    assertThat(synced.json().get("updated").asInt()).as(synced.body()).isEqualTo(3);
    assertThat(synced.json().get("failed").asInt()).as(synced.body()).isZero();
    String rules = Http.get(directories() + "/" + id + "/group-rules", admin).body();
    String rulesMapperId = null;
    for (JsonNode mapper : Http.get(directories() + "/" + id + "/mappers", admin).json()) {
      if (mapper.get("type").asText().equals("tessera-group-rules-ldap-mapper")) {
        rulesMapperId = mapper.get("id").asText();
      }
    }
    assertThat(rulesMapperId).as("the rules mapper saved by the previous test").isNotNull();
    assertThat(Http.send("DELETE", directories() + "/" + id + "/mappers/" + rulesMapperId, admin, null).status()).isEqualTo(204);
    try {
      JsonNode disabled = userDetails("ad-disabled");
      assertThat(disabled.get("roles")).as(disabled.toString()).extracting(JsonNode::asText).contains("ae-uploader");
      assertThat(disabled.get("groups")).extracting(JsonNode::asText).anyMatch(g -> g.endsWith("ad-deployers"));
      JsonNode direct = userDetails("ad-direct");
      assertThat(direct.get("roles")).as(direct.toString()).extracting(JsonNode::asText).doesNotContain("ae-uploader");
      assertThat(direct.get("groups")).extracting(JsonNode::asText).anyMatch(g -> g.endsWith("ad-analysts")).noneMatch(g -> g.endsWith("ad-deployers"));
    } finally {
      Http.Response restored = Http.send("PUT", directories() + "/" + id + "/group-rules", admin, rules);
      assertThat(restored.status()).as(restored.body()).isEqualTo(200);
    }
  }

  @Test
  @Order(4)
  void the_nested_group_user_gets_the_rule_role_and_the_directly_grouped_user_only_its_own_mapping() {
    String nested = Http.passwordToken(platform.realmUrl(), "tessera-cli", "ad-nested", password("ad-nested"));
    assertThat(realmRoles(nested)).contains("ae-uploader");
    JsonNode me = Http.get(platform.url() + "/api/v1/me", nested).json();
    assertThat(me.get("username").asText()).isEqualTo("ad-nested");
    assertThat(me.get("email").asText()).isEqualTo("ad-nested@tessera.test");
    assertThat(me.get("name").asText()).as("Keycloak's AD full-name mapper reads cn").isEqualTo("Nora Nested");
    assertThat(me.get("roles")).extracting(JsonNode::asText).contains("ae-uploader");
    assertThat(me.get("groups")).extracting(JsonNode::asText).contains("ad-deployers", "grp-inner").doesNotContain("ad-analysts");

    String direct = Http.passwordToken(platform.realmUrl(), "tessera-cli", "ad-direct", password("ad-direct"));
    assertThat(realmRoles(direct)).doesNotContain("ae-uploader", "ae-admin");
    JsonNode directMe = Http.get(platform.url() + "/api/v1/me", direct).json();
    assertThat(directMe.get("groups")).extracting(JsonNode::asText).contains("ad-analysts", "grp-direct").doesNotContain("ad-deployers");

    Http.Response wrongPassword = token("ad-nested", "not-the-password");
    assertThat(wrongPassword.status()).as(wrongPassword.body()).isIn(400, 401);
    assertThat(wrongPassword.json().get("error").asText()).isEqualTo("invalid_grant");
  }

  @Test
  @Order(5)
  void the_disabled_ad_user_gets_no_token_because_it_is_disabled() {
    Http.Response refused = token("ad-disabled", password("ad-disabled"));
    assertThat(refused.status()).as(refused.body()).isIn(400, 401);
    assertThat(refused.json().get("error").asText()).isEqualTo("invalid_grant");
    assertThat(refused.body()).doesNotContain("access_token");
    // Keycloak's login event says why: the account is disabled, not a wrong password.
    JsonNode errors = Http.get(platform.url() + "/api/v1/admin/events/login?type=LOGIN_ERROR&user=ad-disabled&size=1", admin).json();
    assertThat(errors.at("/events/0/error").asText()).as("the newest: " + errors).isEqualTo("user_disabled");
  }

  @Test
  @Order(6)
  void in_chromium_the_nested_group_user_signs_in_and_sees_the_role() throws Exception {
    JsonNode seen = browser("signin.mjs", "ad-nested", password("ad-nested"), Launcher.IT_DIR.resolve("ad-home-page.png").toString());
    assertThat(seen.get("loginPage").asText()).startsWith(platform.realmUrl() + "/protocol/openid-connect/auth");
    assertThat(seen.get("username").asText()).isEqualTo("ad-nested");
    assertThat(seen.get("roles")).extracting(JsonNode::asText).contains("ae-uploader");
    assertThat(seen.get("signedOutOfKeycloak").asBoolean()).isTrue();
  }

  @Test
  @Order(7)
  void in_chromium_the_disabled_ad_user_is_refused_on_the_login_page() throws Exception {
    JsonNode seen = browser("signin-refused.mjs", "ad-disabled", password("ad-disabled"));
    assertThat(seen.get("reachedTessera").asBoolean()).as(seen.toString()).isFalse();
    assertThat(seen.get("stillOnLogin").asBoolean()).as(seen.toString()).isTrue();
    // AD refuses the disabled account's bind, and Keycloak's login page does not tell a disabled
    // account from a wrong password: the generic refusal, with the password that samba-tool set.
    assertThat(seen.get("error").asText()).as(seen.toString()).contains("Invalid username or password");
  }

  @Test
  @Order(8)
  void over_ldap_with_starttls_the_directory_connects_and_binds_and_without_it_ad_refuses_the_bind() {
    ObjectNode body = directory(NAME + "-starttls", samba.ldapUrl());
    body.put("startTls", true);
    // The CA uploaded with the LDAPS directory is in Keycloak's truststore already.
    Http.Response created = Http.send("POST", directories(), admin, body.toString());
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String startTlsId = created.json().get("id").asText();
    try {
      assertThat(created.json().get("startTls").asBoolean()).isTrue();
      JsonNode connection = check(startTlsId, "connection", "{}");
      assertThat(connection.get("ok").asBoolean()).as(connection.toString()).isTrue();
      JsonNode bind = check(startTlsId, "authentication", "{}");
      assertThat(bind.get("ok").asBoolean()).as(bind.toString()).isTrue();
      // Samba, as AD, refuses a simple bind on a connection without TLS.
      JsonNode plain = check(startTlsId, "authentication", "{\"startTls\": false}");
      assertThat(plain.get("ok").asBoolean()).as(plain.toString()).isFalse();
      assertThat(plain.get("message").asText()).contains("refused to bind as " + SERVICE_DN);
      Http.Response synced = Http.send("POST", directories() + "/" + startTlsId + "/sync?mode=changed", admin, "{}");
      assertThat(synced.status()).as(synced.body()).isEqualTo(200);
      assertThat(synced.json().get("ok").asBoolean()).as(synced.body()).isTrue();
    } finally {
      assertThat(Http.send("DELETE", directories() + "/" + startTlsId, admin, null).status()).isEqualTo(204);
    }

    body.put("connectionUrl", samba.ldapsUrl());
    Http.Response contradictory = Http.send("POST", directories(), admin, body.toString());
    assertThat(contradictory.status()).as(contradictory.body()).isEqualTo(400);
    assertThat(contradictory.json().get("errors").get(0).get("field").asText()).isEqualTo("startTls");
  }

  // --- helpers -----------------------------------------------------------------------------------

  /** An AD-preset directory at {@code url}, bound as the service account, over the People OU. */
  static ObjectNode directory(String name, String url) {
    ObjectNode body = Http.JSON.createObjectNode();
    body.put("name", name);
    body.put("vendor", "ad");
    body.put("connectionUrl", url);
    body.put("bindDn", SERVICE_DN);
    body.put("bindCredential", SERVICE_PASSWORD);
    body.put("usersDn", PEOPLE);
    return body;
  }

  static String directories() {
    return platform.url() + "/api/v1/admin/directories";
  }

  /** POST .../{id}/test-connection or test-authentication with {@code body}: {"ok", "message"}. */
  static JsonNode check(String directoryId, String what, String body) {
    return Http.send("POST", directories() + "/" + directoryId + "/test-" + what, admin, body).json();
  }

  static JsonNode userDetails(String username) {
    return Http.get(platform.url() + "/api/v1/admin/users/" + username, admin).json();
  }

  static String password(String user) {
    return user + "-Ad-Pa55";
  }

  static Http.Response token(String username, String password) {
    return Http.postForm(platform.realmUrl() + "/protocol/openid-connect/token",
        Map.of("grant_type", "password", "client_id", "tessera-cli", "username", username, "password", password, "scope", "openid"));
  }

  static List<String> realmRoles(String token) {
    try {
      JsonNode claims = Http.JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
      List<String> roles = new ArrayList<>();
      claims.at("/realm_access/roles").forEach(r -> roles.add(r.asText()));
      return roles;
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  static List<String> lowerCase(JsonNode values) {
    List<String> out = new ArrayList<>();
    values.forEach(v -> out.add(v.asText().toLowerCase(Locale.ROOT)));
    return out;
  }

  /** Runs a script of it/browser against Tessera's URL; its last output line, as JSON. */
  static JsonNode browser(String script, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("node", script, platform.url() + "/"));
    command.addAll(List.of(args));
    Process node = new ProcessBuilder(command).directory(Launcher.ROOT.resolve("it/browser").toFile()).redirectErrorStream(true).start();
    assertThat(node.waitFor(3, TimeUnit.MINUTES)).as("the browser script finished").isTrue();
    String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(node.exitValue()).as(output).isZero();
    return Http.JSON.readTree(output.lines().reduce((a, b) -> b).orElseThrow());
  }
}
