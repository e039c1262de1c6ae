package org.tessera.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Connecting the realm to an LDAP directory over Tessera's API only: an UnboundID in-memory server
 * with an OpenLDAP-shaped tree (ou=people of inetOrgPerson, ou=groups of groupOfNames) on
 * 127.0.0.1, added, tested, synced, and then one of its users signs in with the directory password.
 */
class DirectoriesIT {

  static final String BASE = "dc=example,dc=com";
  static final String BIND_DN = "cn=keycloak,ou=services," + BASE;
  static final String BIND_PASSWORD = "bind-Secret-1";

  static Platform platform;
  static String admin;
  static InMemoryDirectoryServer ldap;
  final List<String> added = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    platform = Platform.shared();
    admin = Http.passwordToken(platform.realmUrl(), "tessera-cli", platform.adminUsername(), platform.adminPassword());
    ldap = startLdap(Platform.port(580));
    // Leftovers of an aborted run would make the names below taken.
    for (JsonNode d : Http.get(directories(), admin).json()) {
      if (d.get("name").asText().startsWith("it-")) {
        Http.send("DELETE", directories() + "/" + d.get("id").asText(), admin, null);
      }
    }
  }

  @AfterAll
  static void stop() {
    if (ldap != null) {
      ldap.shutDown(true);
    }
  }

  /** Directories this test added are removed, so that no dead LDAP provider outlives it in the realm. */
  @AfterEach
  void removeDirectories() {
    added.forEach(id -> Http.send("DELETE", directories() + "/" + id, admin, null));
  }

  static InMemoryDirectoryServer startLdap(int port) throws Exception {
    return startLdap(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getByName("127.0.0.1"), port, null));
  }

  static InMemoryDirectoryServer startLdap(InMemoryListenerConfig listener) throws Exception {
    InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
    config.setListenerConfigs(listener);
    InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
    server.add("dn: " + BASE, "objectClass: top", "objectClass: domain", "dc: example");
    server.add("dn: ou=services," + BASE, "objectClass: organizationalUnit", "ou: services");
    server.add("dn: " + BIND_DN, "objectClass: inetOrgPerson", "cn: keycloak", "sn: keycloak", "userPassword: " + BIND_PASSWORD);
    server.add("dn: ou=people," + BASE, "objectClass: organizationalUnit", "ou: people");
    for (String[] person : new String[][] {{"ada", "Ada", "Lovelace"}, {"grace", "Grace", "Hopper"}, {"alan", "Alan", "Turing"}}) {
      server.add("dn: uid=" + person[0] + ",ou=people," + BASE, "objectClass: inetOrgPerson", "objectClass: organizationalPerson", "objectClass: person",
          "uid: " + person[0], "cn: " + person[1], "givenName: " + person[1], "sn: " + person[2], "mail: " + person[0] + "@example.com",
          "userPassword: " + person[0] + "-Ldap-Pa55");
    }
    server.add("dn: ou=groups," + BASE, "objectClass: organizationalUnit", "ou: groups");
    server.add("dn: cn=data-scientists,ou=groups," + BASE, "objectClass: groupOfNames", "cn: data-scientists",
        "member: uid=ada,ou=people," + BASE, "member: uid=grace,ou=people," + BASE);
    server.startListening();
    return server;
  }

  static String directories() {
    return platform.url() + "/api/v1/admin/directories";
  }

  static ObjectNode openLdap(String name, int port) {
    ObjectNode body = Http.JSON.createObjectNode();
    body.put("name", name);
    body.put("vendor", "other");
    body.put("connectionUrl", "ldap://127.0.0.1:" + port);
    body.put("bindDn", BIND_DN);
    body.put("bindCredential", BIND_PASSWORD);
    body.put("usersDn", "ou=people," + BASE);
    body.put("groupsDn", "ou=groups," + BASE);
    return body;
  }

  String add(ObjectNode body) {
    Http.Response created = Http.send("POST", directories(), admin, body.toString());
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().get("id").asText();
    added.add(id);
    return id;
  }

  @Test
  void an_admin_connects_a_directory_tests_it_syncs_it_and_its_users_sign_in() {
    String id = add(openLdap("it-openldap", Platform.port(580)));

    JsonNode saved = Http.get(directories() + "/" + id, admin).json();
    assertThat(saved.get("name").asText()).isEqualTo("it-openldap");
    assertThat(saved.get("usernameLDAPAttribute").asText()).as("preset").isEqualTo("uid");
    assertThat(saved.get("uuidLDAPAttribute").asText()).isEqualTo("entryUUID");
    assertThat(saved.get("editMode").asText()).isEqualTo("READ_ONLY");
    assertThat(saved.get("groupsDn").asText()).isEqualTo("ou=groups," + BASE);
    assertThat(saved.has("bindCredential")).as("the bind password is write-only").isFalse();
    assertThat(Http.get(directories(), admin).json()).extracting(d -> d.get("id").asText()).contains(id);

    JsonNode connection = Http.send("POST", directories() + "/" + id + "/test-connection", admin, "{}").json();
    assertThat(connection.get("ok").asBoolean()).as(connection.toString()).isTrue();
    JsonNode authentication = Http.send("POST", directories() + "/" + id + "/test-authentication", admin, "{}").json();
    assertThat(authentication.get("ok").asBoolean()).as(authentication.toString()).isTrue();
    JsonNode wrong = Http.send("POST", directories() + "/" + id + "/test-authentication", admin, "{\"bindCredential\": \"not-the-password\"}").json();
    assertThat(wrong.get("ok").asBoolean()).isFalse();
    assertThat(wrong.get("message").asText()).contains("refused to bind as " + BIND_DN).contains("bindCredential");

    Http.Response synced = Http.send("POST", directories() + "/" + id + "/sync?mode=full", admin, "{}");
    assertThat(synced.status()).as(synced.body()).isEqualTo(200);
    assertThat(synced.json().get("ok").asBoolean()).as(synced.body()).isTrue();
    assertThat(synced.json().get("added").asInt()).as(synced.body()).isEqualTo(3);
    assertThat(synced.json().get("failed").asInt()).isZero();
    JsonNode again = Http.send("POST", directories() + "/" + id + "/sync?mode=changed", admin, "{}").json();
    assertThat(again.get("added").asInt()).as(again.toString()).isZero();
    assertThat(Http.get(directories() + "/" + id, admin).json().at("/lastSync/mode").asText()).isEqualTo("changed");

    String ada = Http.passwordToken(platform.realmUrl(), "tessera-cli", "ada", "ada-Ldap-Pa55");
    Http.Response me = Http.get(platform.url() + "/api/v1/me", ada);
    assertThat(me.status()).as(me.body()).isEqualTo(200);
    assertThat(me.json().get("username").asText()).isEqualTo("ada");
    assertThat(me.json().get("email").asText()).isEqualTo("ada@example.com");
    assertThat(me.json().get("groups")).extracting(JsonNode::asText).contains("data-scientists");

    JsonNode audited = Http.get(platform.url() + "/api/v1/audit?action=identity.directory-synced", admin).json();
    assertThat(audited.get("total").asLong()).isPositive();
  }

  @Test
  void group_rules_are_saved_through_the_api_previewed_and_given_at_sign_in() throws Exception {
    String id = add(openLdap("it-rules", Platform.port(580)));
    String rulesUrl = directories() + "/" + id + "/group-rules";

    JsonNode none = Http.get(rulesUrl, admin).json();
    assertThat(none.get("rules")).isEmpty();
    assertThat(none.path("mapperId").asText(null)).as("no rule mapper yet").isNull();
    assertThat(none.get("groupsDn").asText()).as("from the group mapper").isEqualTo("ou=groups," + BASE);
    assertThat(Http.get(directories() + "/" + id + "/mappers", admin).json()).extracting(m -> m.get("type").asText()).contains("group-ldap-mapper");

    String rules = "{\"rules\": [{\"match\": \"cn\", \"pattern\": \"Data-*\", \"roles\": [\"ae-uploader\"]},"
        + " {\"match\": \"dn\", \"pattern\": \"cn=data-scientists, ou=groups," + BASE + "\", \"groups\": [\"/admins\"]}]}";
    Http.Response saved = Http.send("PUT", rulesUrl, admin, rules);
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    assertThat(saved.json().get("mapperId").asText()).isNotBlank();
    JsonNode read = Http.get(rulesUrl, admin).json();
    // Sorted (cn before dn): Keycloak keeps no order of config values, and rules need none.
    assertThat(read.get("rules").get(0).get("pattern").asText()).as("kept as written").isEqualTo("Data-*");
    assertThat(read.get("rules").get(1).get("groups").get(0).asText()).isEqualTo("/admins");
    assertThat(Http.get(directories() + "/" + id + "/mappers", admin).json()).extracting(m -> m.get("type").asText()).contains("tessera-group-rules-ldap-mapper");

    // The user has never signed in: the groups come from the directory, through Keycloak.
    Http.Response preview = Http.send("POST", rulesUrl + "/preview", admin, "{\"username\": \"ada\"}");
    assertThat(preview.status()).as(preview.body()).isEqualTo(200);
    assertThat(preview.json().get("userDn").asText()).isEqualTo("uid=ada,ou=people," + BASE);
    assertThat(preview.json().get("directoryGroups")).extracting(JsonNode::asText).containsExactly("cn=data-scientists,ou=groups," + BASE);
    assertThat(preview.json().get("roles")).extracting(JsonNode::asText).containsExactly("ae-uploader");
    assertThat(preview.json().get("groups")).extracting(JsonNode::asText).containsExactly("/admins");
    assertThat(preview.json().get("savedRules").asBoolean()).isTrue();

    JsonNode outsider = Http.send("POST", rulesUrl + "/preview", admin, "{\"username\": \"alan\"}").json();
    assertThat(outsider.get("roles")).isEmpty();
    assertThat(outsider.get("rules")).allSatisfy(rule -> assertThat(rule.get("matchedGroups")).isEmpty());

    JsonNode unsaved = Http.send("POST", rulesUrl + "/preview", admin,
        "{\"username\": \"grace\", \"rules\": [{\"match\": \"cn\", \"pattern\": \"data-scientists\", \"roles\": [\"ae-deployer\"]}]}").json();
    assertThat(unsaved.get("roles")).as(unsaved.toString()).extracting(JsonNode::asText).containsExactly("ae-deployer");
    assertThat(unsaved.get("savedRules").asBoolean()).isFalse();

    JsonNode byGroup = Http.send("POST", rulesUrl + "/preview", admin, "{\"group\": \"data-scientists\"}").json();
    assertThat(byGroup.get("roles")).as(byGroup.toString()).extracting(JsonNode::asText).containsExactly("ae-uploader");

    ApiIT.assertProblem(Http.send("POST", rulesUrl + "/preview", admin, "{\"username\": \"nobody\"}"), 404, "directory-user-not-found");

    // What the preview said is what a real sign-in gives.
    String token = Http.passwordToken(platform.realmUrl(), "tessera-cli", "ada", "ada-Ldap-Pa55");
    JsonNode claims = Http.JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    assertThat(claims.at("/realm_access/roles")).extracting(JsonNode::asText).contains("ae-uploader", "ae-admin");
    JsonNode me = Http.get(platform.url() + "/api/v1/me", token).json();
    assertThat(me.get("groups")).extracting(JsonNode::asText).contains("admins");
    JsonNode audited = Http.get(platform.url() + "/api/v1/audit?action=identity.group-rules-changed", admin).json();
    assertThat(audited.get("total").asLong()).isPositive();
  }

  @Test
  void stock_mappers_are_added_with_the_vendors_defaults_listed_and_removed() {
    String id = add(openLdap("it-mappers", Platform.port(580)));
    String mappers = directories() + "/" + id + "/mappers";

    Http.Response role = Http.send("POST", mappers, admin, "{\"type\": \"role-ldap-mapper\"}");
    assertThat(role.status()).as(role.body()).isEqualTo(201);
    assertThat(role.json().at("/config/roles.dn/0").asText()).as("the directory's groups DN").isEqualTo("ou=groups," + BASE);
    assertThat(role.json().at("/config/role.object.classes/0").asText()).isEqualTo("groupOfNames");
    Http.Response hardcoded = Http.send("POST", mappers, admin, "{\"type\": \"hardcoded-ldap-role-mapper\", \"config\": {\"role\": \"ae-creator\"}}");
    assertThat(hardcoded.status()).as(hardcoded.body()).isEqualTo(201);
    assertThat(Http.get(mappers, admin).json()).extracting(m -> m.get("type").asText()).contains("role-ldap-mapper", "hardcoded-ldap-role-mapper", "group-ldap-mapper");

    Http.Response noRole = Http.send("POST", mappers, admin, "{\"type\": \"hardcoded-ldap-role-mapper\", \"name\": \"other\"}");
    ApiIT.assertProblem(noRole, 400, "invalid-directory");
    assertThat(noRole.json().at("/errors/0/field").asText()).isEqualTo("config.role");
    ApiIT.assertProblem(Http.send("POST", mappers, admin, "{\"type\": \"msad-user-account-control-mapper\"}"), 400, "invalid-directory");
    Http.Response unknownRole = Http.send("POST", mappers, admin, "{\"type\": \"hardcoded-ldap-role-mapper\", \"name\": \"wizard\", \"config\": {\"role\": \"ae-wizard\"}}");
    ApiIT.assertProblem(unknownRole, 400, "invalid-directory");

    Http.Response removed = Http.send("DELETE", mappers + "/" + role.json().get("id").asText(), admin, null);
    assertThat(removed.status()).as(removed.body()).isEqualTo(204);
    assertThat(Http.get(mappers, admin).json()).extracting(m -> m.get("type").asText()).doesNotContain("role-ldap-mapper");
  }

  @Test
  void invalid_group_rules_are_refused_naming_the_rule_and_nothing_is_saved() {
    String id = add(openLdap("it-bad-rules", Platform.port(580)));
    String rulesUrl = directories() + "/" + id + "/group-rules";
    Http.Response first = Http.send("PUT", rulesUrl, admin, "{\"rules\": [{\"match\": \"cn\", \"pattern\": \"data-*\", \"roles\": [\"ae-uploader\"]}]}");
    assertThat(first.status()).as(first.body()).isEqualTo(200);

    Http.Response ours = Http.send("PUT", rulesUrl, admin,
        "{\"rules\": [{\"match\": \"uid\", \"pattern\": \"x\", \"roles\": [\"ae-creator\"]}, {\"match\": \"cn\", \"pattern\": \"y\", \"groups\": [\"admins\"]},"
            + " {\"match\": \"cn\", \"pattern\": \"z\"}], \"groupsDn\": \"not a dn\"}");
    ApiIT.assertProblem(ours, 400, "invalid-group-rules");
    assertThat(ours.json().get("errors")).extracting(e -> e.get("field").asText()).containsExactly("rules[0]", "rules[1]", "rules[2]", "groupsDn");
    assertThat(ours.json().get("errors").toString()).contains("cn (the group").contains("full path").contains("grants nothing");

    // Only Keycloak knows the realm's roles: its validation of the mapper refuses, on the right row.
    Http.Response keycloaks = Http.send("PUT", rulesUrl, admin,
        "{\"rules\": [{\"match\": \"cn\", \"pattern\": \"a\", \"roles\": [\"ae-creator\"]}, {\"match\": \"cn\", \"pattern\": \"b\", \"roles\": [\"ae-wizard\"]}]}");
    ApiIT.assertProblem(keycloaks, 400, "invalid-group-rules");
    assertThat(keycloaks.json().get("errors").get(0).get("field").asText()).isEqualTo("rules[1]");
    assertThat(keycloaks.json().get("errors").get(0).get("message").asText()).contains("ae-wizard").contains("does not exist");

    JsonNode kept = Http.get(rulesUrl, admin).json();
    assertThat(kept.get("rules")).hasSize(1);
    assertThat(kept.get("rules").get(0).get("pattern").asText()).isEqualTo("data-*");
  }

  @Test
  void bad_settings_are_refused_naming_the_field_and_nothing_is_saved() {
    int before = Http.get(directories(), admin).json().size();
    ObjectNode body = openLdap("it-bad", Platform.port(580));
    body.put("connectionUrl", "http://127.0.0.1:389");
    body.remove("bindDn");
    body.put("customUserSearchFilter", "(&(objectClass=person)");

    Http.Response refused = Http.send("POST", directories(), admin, body.toString());

    ApiIT.assertProblem(refused, 400, "invalid-directory");
    assertThat(refused.json().get("errors")).extracting(e -> e.get("field").asText()).containsExactlyInAnyOrder("connectionUrl", "bindDn", "customUserSearchFilter");
    assertThat(refused.json().get("errors").toString()).contains("ldap://").contains("unclosed");
    assertThat(Http.get(directories(), admin).json().size()).isEqualTo(before);

    String id = add(openLdap("it-twice", Platform.port(580)));
    ApiIT.assertProblem(Http.send("POST", directories(), admin, openLdap("it-twice", Platform.port(580)).toString()), 409, "directory-exists");
    ApiIT.assertProblem(Http.send("POST", directories() + "/" + id + "/sync?mode=sometimes", admin, "{}"), 400, "invalid-directory");
  }

  @Test
  void a_directory_that_goes_down_is_reported_unreachable() throws LDAPException, Exception {
    InMemoryDirectoryServer other = startLdap(Platform.port(581));
    String id;
    try {
      id = add(openLdap("it-going-down", Platform.port(581)));
      assertThat(Http.send("POST", directories() + "/" + id + "/test-connection", admin, "{}").json().get("ok").asBoolean()).isTrue();
    } finally {
      other.shutDown(true);
    }

    JsonNode down = Http.send("POST", directories() + "/" + id + "/test-connection", admin, "{}").json();

    assertThat(down.get("ok").asBoolean()).isFalse();
    assertThat(down.get("message").asText()).contains("Cannot connect to ldap://127.0.0.1:" + Platform.port(581)).contains("server is up");
    JsonNode sync = Http.send("POST", directories() + "/" + id + "/sync", admin, "{}").json();
    assertThat(sync.get("ok").asBoolean()).isFalse();
    assertThat(Http.get(directories() + "/" + id, admin).json().at("/lastSync/error").asText()).isEqualTo(sync.get("error").asText()).isNotBlank();
  }

  /**
   * LDAPS with a certificate no public root signs: refused until its CA is uploaded and Keycloak
   * restarted (it reads the truststore at start), trusted afterwards.
   */
  @Test
  void an_ldaps_directory_is_trusted_once_its_ca_is_uploaded_and_keycloak_restarted() throws Exception {
    Path keystore = Launcher.IT_DIR.resolve("directories-ldaps.p12");
    Files.deleteIfExists(keystore);
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process generate = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "server", "-keyalg", "EC", "-dname", "CN=Tessera IT directory CA",
        "-ext", "san=ip:127.0.0.1", "-ext", "bc:c=ca:true", "-validity", "30", "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", "it-keystore")
        .redirectErrorStream(true).start();
    assertThat(generate.waitFor()).as(new String(generate.getInputStream().readAllBytes())).isZero();
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (var in = Files.newInputStream(keystore)) {
      store.load(in, "it-keystore".toCharArray());
    }
    String pem = "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(store.getCertificate("server").getEncoded()) + "\n-----END CERTIFICATE-----\n";
    SSLUtil tls = new SSLUtil(new KeyStoreKeyManager(keystore.toFile(), "it-keystore".toCharArray(), "PKCS12", "server"), new TrustAllTrustManager());
    int port = Platform.port(582);
    InMemoryDirectoryServer secure = startLdap(InMemoryListenerConfig.createLDAPSConfig("ldaps", InetAddress.getByName("127.0.0.1"), port, tls.createSSLServerSocketFactory(), null));
    try {
      ObjectNode body = openLdap("it-ldaps", port);
      body.put("connectionUrl", "ldaps://127.0.0.1:" + port);
      body.put("caCertificatePem", pem);
      String id = add(body);
      assertThat(platform.home().resolve("truststore/directory-" + id + ".pem")).exists();

      JsonNode untrusted = Http.send("POST", directories() + "/" + id + "/test-connection", admin, "{}").json();
      assertThat(untrusted.get("ok").asBoolean()).isFalse();
      assertThat(untrusted.get("message").asText()).contains("trusts its certificate").contains("restart Keycloak");

      platform.down();
      platform.up();
      admin = Http.passwordToken(platform.realmUrl(), "tessera-cli", platform.adminUsername(), platform.adminPassword());

      JsonNode trusted = Http.send("POST", directories() + "/" + id + "/test-authentication", admin, "{}").json();
      assertThat(trusted.get("ok").asBoolean()).as(trusted.toString()).isTrue();
      Http.Response removed = Http.send("DELETE", directories() + "/" + id, admin, null);
      assertThat(removed.status()).isEqualTo(204);
      assertThat(platform.home().resolve("truststore/directory-" + id + ".pem")).doesNotExist();
    } finally {
      secure.shutDown(true);
    }
  }

  /** The admin page: a refusal, add, test authentication, sync with counts, edit, remove, in headless Chromium. */
  @Test
  void the_directories_page_adds_tests_syncs_and_removes_a_directory() throws Exception {
    Process node =
        new ProcessBuilder("node", "directories.mjs", platform.url() + "/", platform.adminUsername(), platform.adminPassword(), "it-page",
                "ldap://127.0.0.1:" + Platform.port(580), BIND_DN, BIND_PASSWORD, "ou=people," + BASE)
            .directory(Launcher.ROOT.resolve("it/browser").toFile())
            .redirectErrorStream(true)
            .start();
    assertThat(node.waitFor(3, TimeUnit.MINUTES)).as("the browser script finished").isTrue();
    String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(node.exitValue()).as(output).isZero();
    JsonNode seen = Http.JSON.readTree(output.lines().reduce((a, b) -> b).orElseThrow());

    assertThat(seen.get("refusedPeriod").asText()).contains("fullSyncPeriod is in seconds");
    assertThat(seen.get("added").asText()).contains("Added it-page");
    assertThat(seen.get("authentication").asText()).contains("Signed in to ldap://127.0.0.1");
    assertThat(seen.get("sync").asText()).contains("full sync").contains("failed");
    assertThat(seen.get("lastSync").asText()).startsWith("full at").contains("added");
    assertThat(seen.get("editedPeriods")).extracting(JsonNode::asText).as("kept, not reset by the page").containsExactly("86400", "3600");
    assertThat(seen.get("editedStartTls").asBoolean()).isFalse();
    assertThat(seen.get("removed").asText()).contains("Removed it-page");
    assertThat(seen.get("rowsLeft").asInt()).isZero();
  }

  /** The group rules page: a rule row added and saved, a preview for a directory user, a refusal shown, in headless Chromium. */
  @Test
  void the_group_rules_page_saves_a_rule_previews_it_and_shows_refusals() throws Exception {
    String id = add(openLdap("it-rules-page", Platform.port(580)));
    Process node =
        new ProcessBuilder("node", "directory-rules.mjs", platform.url() + "/", platform.adminUsername(), platform.adminPassword(), id, "data-*", "ae-uploader", "grace")
            .directory(Launcher.ROOT.resolve("it/browser").toFile())
            .redirectErrorStream(true)
            .start();
    assertThat(node.waitFor(3, TimeUnit.MINUTES)).as("the browser script finished").isTrue();
    String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(node.exitValue()).as(output).isZero();
    JsonNode seen = Http.JSON.readTree(output.lines().reduce((a, b) -> b).orElseThrow());

    assertThat(seen.get("saved").asText()).contains("Saved 1 rule(s)");
    assertThat(seen.get("rows").asInt()).isEqualTo(1);
    assertThat(seen.get("previewGroups").asText()).contains("cn=data-scientists,ou=groups," + BASE);
    assertThat(seen.get("previewRoles").asText()).isEqualTo("ae-uploader");
    assertThat(seen.get("refused").asText()).contains("ae-wizard").contains("does not exist");
    assertThat(seen.get("mappers").asText()).contains("tessera-group-rules-ldap-mapper");
    JsonNode stored = Http.get(directories() + "/" + id + "/group-rules", admin).json();
    assertThat(stored.at("/rules/0/roles/0").asText()).as("the refused change left the saved rule").isEqualTo("ae-uploader");
  }
}
