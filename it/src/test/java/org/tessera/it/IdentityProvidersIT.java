package org.tessera.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Signing in through other identity providers, configured over Tessera's API only. A second realm
 * {@value #CORP} in the same Keycloak plays the company's identity provider, both as a SAML 2.0 IdP
 * and as an OpenID Connect provider, with users in a group {@code data-scientists}. A real Chromium
 * signs in through the broker; the first sign-in creates the Tessera user and the group becomes
 * the role the mapper names.
 */
class IdentityProvidersIT {

  static final String CORP = "it-corp";
  static final String OIDC_SECRET = "broker-Secret-1";

  static Platform platform;
  static String admin;

  @BeforeAll
  static void start() {
    platform = Platform.shared();
    admin = Http.passwordToken(platform.realmUrl(), "tessera-cli", platform.adminUsername(), platform.adminPassword());
    removeLeftovers();
    createCorpRealm();
  }

  @AfterAll
  static void stop() {
    if (platform == null) {
      return;
    }
    removeLeftovers();
    Http.send("DELETE", platform.keycloakUrl() + "/admin/realms/" + CORP, master(), null);
  }

  static String idps() {
    return platform.url() + "/api/v1/admin/identity-providers";
  }

  static String corpUrl() {
    return platform.keycloakUrl() + "/realms/" + CORP;
  }

  static String master() {
    return Http.passwordToken(platform.keycloakUrl() + "/realms/master", "admin-cli", platform.keycloakAdminUsername(), platform.keycloakAdminPassword());
  }

  /** Providers and brokered users of an aborted run would make the first sign-in not a first one. */
  static void removeLeftovers() {
    for (JsonNode p : Http.get(idps(), admin).json()) {
      if (p.get("alias").asText().startsWith("it-")) {
        Http.send("DELETE", idps() + "/" + p.get("alias").asText(), admin, null);
      }
    }
    String token = master();
    for (String user : List.of("corp-carol", "corp-dave")) {
      for (JsonNode u : Http.get(platform.keycloakUrl() + "/admin/realms/tessera/users?exact=true&username=" + user, token).json()) {
        Http.send("DELETE", platform.keycloakUrl() + "/admin/realms/tessera/users/" + u.get("id").asText(), token, null);
      }
    }
  }

  /** The identity provider's realm: a SAML client and an OIDC client for Tessera's realm, two users in a group. */
  static void createCorpRealm() {
    String tessera = platform.realmUrl();
    String user =
        """
        {"username": "%1$s", "enabled": true, "email": "%1$s@corp.example", "emailVerified": true, "firstName": "%2$s", "lastName": "Corp",
         "credentials": [{"type": "password", "value": "%1$s-Pa55word", "temporary": false}], "groups": ["/data-scientists"]}
        """;
    String samlProperty =
        """
        {"name": "%1$s", "protocol": "saml", "protocolMapper": "saml-user-property-mapper",
         "config": {"user.attribute": "%1$s", "attribute.name": "%1$s", "attribute.nameformat": "Basic"}}
        """;
    String realm =
        """
        {"realm": "%1$s", "enabled": true, "groups": [{"name": "data-scientists"}],
         "users": [%3$s, %4$s],
         "clients": [
          {"clientId": "%2$s", "protocol": "saml", "enabled": true, "redirectUris": ["%2$s/broker/*"],
           "attributes": {"saml.client.signature": "false", "saml.server.signature": "true", "saml.assertion.signature": "true",
                          "saml.authnstatement": "true", "saml_name_id_format": "username", "saml.force.name.id.format": "false"},
           "protocolMappers": [%5$s, %6$s, %7$s,
             {"name": "groups", "protocol": "saml", "protocolMapper": "saml-group-membership-mapper",
              "config": {"attribute.name": "groups", "full.path": "false", "single": "false", "attribute.nameformat": "Basic"}}]},
          {"clientId": "tessera-broker", "protocol": "openid-connect", "enabled": true, "publicClient": false, "secret": "%8$s",
           "standardFlowEnabled": true, "directAccessGrantsEnabled": false, "redirectUris": ["%2$s/broker/*"],
           "protocolMappers": [{"name": "groups", "protocol": "openid-connect", "protocolMapper": "oidc-group-membership-mapper",
             "config": {"claim.name": "groups", "full.path": "false", "id.token.claim": "true", "access.token.claim": "true", "userinfo.token.claim": "true"}}]}
         ]}
        """
            .formatted(CORP, tessera, user.formatted("corp-carol", "Carol"), user.formatted("corp-dave", "Dave"), samlProperty.formatted("email"),
                samlProperty.formatted("firstName"), samlProperty.formatted("lastName"), OIDC_SECRET);
    String token = master();
    Http.send("DELETE", platform.keycloakUrl() + "/admin/realms/" + CORP, token, null);
    Http.Response created = Http.send("POST", platform.keycloakUrl() + "/admin/realms", token, realm);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
  }

  static Http.Response add(String json) {
    return Http.send("POST", idps(), admin, json);
  }

  static JsonNode browserSignIn(String alias, String username) throws Exception {
    Process node =
        new ProcessBuilder("node", "broker.mjs", platform.url() + "/", alias, username, username + "-Pa55word", Launcher.IT_DIR.resolve(alias + "-home.png").toString())
            .directory(Launcher.ROOT.resolve("it/browser").toFile())
            .redirectErrorStream(true)
            .start();
    assertThat(node.waitFor(3, TimeUnit.MINUTES)).as("the browser script finished").isTrue();
    String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(node.exitValue()).as(output).isZero();
    return Http.JSON.readTree(output.substring(output.lastIndexOf('\n') + 1));
  }

  /** Keycloak's login page of realm tessera as a browser first sees it, with the provider buttons. */
  static String loginPage() {
    String redirect = URLEncoder.encode(platform.url() + "/", StandardCharsets.UTF_8);
    return Http.get(platform.realmUrl() + "/protocol/openid-connect/auth?client_id=tessera-web&response_type=code&scope=openid&redirect_uri=" + redirect
        // tessera-web requires PKCE; any well-formed challenge shows the page.
        + "&code_challenge_method=S256&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", null).body();
  }

  static void leaveCorpGroup(String username) {
    String token = master();
    String admin = platform.keycloakUrl() + "/admin/realms/" + CORP;
    String userId = Http.get(admin + "/users?exact=true&username=" + username, token).json().get(0).get("id").asText();
    for (JsonNode group : Http.get(admin + "/users/" + userId + "/groups", token).json()) {
      assertThat(Http.send("DELETE", admin + "/users/" + userId + "/groups/" + group.get("id").asText(), token, null).status()).isEqualTo(204);
    }
  }

  /** The corp realm's SAML IdP metadata, as an administrator would download it (XML, not JSON). */
  static String samlDescriptor() throws Exception {
    var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(corpUrl() + "/protocol/saml/descriptor")).header("Accept", "application/xml").build();
    return java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString()).body();
  }

  static JsonNode tesseraUser(String username) {
    String token = master();
    JsonNode users = Http.get(platform.keycloakUrl() + "/admin/realms/tessera/users?exact=true&username=" + username, token).json();
    assertThat(users).as("Tessera user " + username).hasSize(1);
    return Http.get(platform.keycloakUrl() + "/admin/realms/tessera/users/" + users.get(0).get("id").asText() + "/federated-identity", token).json();
  }

  @Test
  void a_saml_user_signs_in_through_the_broker_is_created_at_first_login_and_gets_the_role_of_their_group() throws Exception {
    Http.Response created =
        add(
            """
            {"alias": "it-corp-saml", "type": "saml", "displayName": "Corp SSO (SAML)", "metadataUrl": "%s/protocol/saml/descriptor", "nameIdFormat": "unspecified",
             "mappers": [
               {"name": "scientists", "type": "attribute-to-role", "attribute": "groups", "value": "data-scientists", "role": "ae-uploader"},
               {"name": "email", "type": "attribute-to-profile", "attribute": "email", "userAttribute": "email"},
               {"name": "first name", "type": "attribute-to-profile", "attribute": "firstName", "userAttribute": "firstName"},
               {"name": "last name", "type": "attribute-to-profile", "attribute": "lastName", "userAttribute": "lastName"}]}
            """
                .formatted(corpUrl()));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode saml = created.json();
    String redirectUri = platform.realmUrl() + "/broker/it-corp-saml/endpoint";
    assertThat(saml.get("redirectUri").asText()).isEqualTo(redirectUri);
    assertThat(saml.get("spEntityId").asText()).isEqualTo(platform.realmUrl());
    assertThat(saml.get("ssoUrl").asText()).startsWith(corpUrl() + "/protocol/saml");
    assertThat(saml.get("entityId").asText()).isEqualTo(corpUrl());
    assertThat(saml.get("signingCertificate").asText()).as("read from the metadata").isNotEmpty();
    assertThat(saml.get("nameIdFormat").asText()).isEqualTo("unspecified");
    assertThat(saml.get("mappers")).hasSize(4);
    Http.Response spMetadata = Http.get(saml.get("spMetadataUrl").asText(), null);
    assertThat(spMetadata.status()).isEqualTo(200);
    assertThat(spMetadata.body()).contains("EntityDescriptor", "AssertionConsumerService", redirectUri);
    assertThat(loginPage()).contains("Corp SSO (SAML)");

    JsonNode seen = browserSignIn("it-corp-saml", "corp-carol");

    assertThat(seen.get("providers").toString()).contains("social-it-corp-saml", "Corp SSO (SAML)");
    assertThat(seen.get("providerLoginPage").asText()).startsWith(corpUrl() + "/");
    assertThat(seen.has("reviewedProfile")).as("the profile came from the SAML attributes").isFalse();
    assertThat(seen.get("username").asText()).isEqualTo("corp-carol");
    assertThat(seen.get("roles")).extracting(JsonNode::asText).contains("ae-uploader").doesNotContain("ae-admin");
    assertThat(tesseraUser("corp-carol").toString()).contains("it-corp-saml");

    // Mappers apply at every sign-in: out of the IdP group, out of the role.
    leaveCorpGroup("corp-carol");
    JsonNode again = browserSignIn("it-corp-saml", "corp-carol");
    assertThat(again.get("username").asText()).isEqualTo("corp-carol");
    assertThat(again.get("roles")).extracting(JsonNode::asText).doesNotContain("ae-uploader").contains("ae-creator");

    Http.Response disabled = Http.send("PUT", idps() + "/it-corp-saml", admin, "{\"enabled\": false}");
    assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
    assertThat(disabled.json().get("enabled").asBoolean()).isFalse();
    assertThat(disabled.json().get("mappers")).as("kept without a mapper list").hasSize(4);
    assertThat(loginPage()).doesNotContain("Corp SSO (SAML)");
  }

  @Test
  void an_oidc_provider_from_its_discovery_document_keeps_its_secret_across_a_change_and_maps_a_claim_to_a_role() throws Exception {
    Http.Response created =
        add(
            """
            {"alias": "it-corp-oidc", "type": "oidc", "displayName": "Corp OIDC", "discoveryUrl": "%s/.well-known/openid-configuration",
             "clientId": "tessera-broker", "clientSecret": "%s",
             "mappers": [
               {"name": "scientists", "type": "attribute-to-role", "attribute": "groups", "value": "data-scientists", "role": "ae-uploader"},
               {"name": "wizards", "type": "attribute-to-role", "attribute": "groups", "value": "wizards", "role": "ae-admin"}]}
            """
                .formatted(corpUrl(), OIDC_SECRET));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode oidc = created.json();
    assertThat(oidc.get("authorizationUrl").asText()).isEqualTo(corpUrl() + "/protocol/openid-connect/auth");
    assertThat(oidc.get("tokenUrl").asText()).isEqualTo(corpUrl() + "/protocol/openid-connect/token");
    assertThat(oidc.get("issuer").asText()).isEqualTo(corpUrl());
    assertThat(oidc.get("redirectUri").asText()).isEqualTo(platform.realmUrl() + "/broker/it-corp-oidc/endpoint");
    assertThat(oidc.get("clientSecretSet").asBoolean()).isTrue();
    assertThat(created.body()).doesNotContain(OIDC_SECRET);
    assertThat(oidc.path("spMetadataUrl").asText(null)).as("no SAML metadata for OIDC").isNull();

    Http.Response renamed = Http.send("PUT", idps() + "/it-corp-oidc", admin, "{\"displayName\": \"Corp OIDC login\"}");
    assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
    assertThat(renamed.json().get("displayName").asText()).isEqualTo("Corp OIDC login");
    assertThat(renamed.json().get("clientSecretSet").asBoolean()).isTrue();

    JsonNode seen = browserSignIn("it-corp-oidc", "corp-dave");

    assertThat(seen.get("providers").toString()).contains("Corp OIDC login");
    assertThat(seen.get("username").asText()).isEqualTo("corp-dave");
    assertThat(seen.get("roles")).extracting(JsonNode::asText).contains("ae-uploader").doesNotContain("ae-admin");
    assertThat(tesseraUser("corp-dave").toString()).contains("it-corp-oidc");
  }

  @Test
  void saml_from_pasted_metadata_or_from_fields_and_mappers_replaced_with_the_provider() throws Exception {
    String metadata = samlDescriptor();
    assertThat(metadata).contains("IDPSSODescriptor");
    Http.Response pasted =
        add(Http.JSON.createObjectNode().put("alias", "it-corp-pasted").put("type", "saml").put("metadataXml", metadata)
            .set("mappers", Http.JSON.createArrayNode().add(Http.JSON.createObjectNode().put("name", "everyone").put("type", "hardcoded-role").put("role", "ae-uploader")))
            .toString());
    assertThat(pasted.status()).as(pasted.body()).isEqualTo(201);
    JsonNode fromXml = pasted.json();
    assertThat(fromXml.get("ssoUrl").asText()).startsWith(corpUrl());
    assertThat(fromXml.get("displayName").asText()).isEqualTo("it-corp-pasted");
    assertThat(fromXml.get("mappers").get(0).get("type").asText()).isEqualTo("hardcoded-role");

    Http.Response replaced =
        Http.send("PUT", idps() + "/it-corp-pasted", admin,
            "{\"mappers\": [{\"name\": \"scientists\", \"type\": \"attribute-to-role\", \"attribute\": \"groups\", \"value\": \"data-scientists\", \"role\": \"ae-deployer\"}]}");
    assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
    assertThat(replaced.json().get("mappers")).hasSize(1);
    assertThat(replaced.json().get("mappers").get(0).get("role").asText()).isEqualTo("ae-deployer");

    Http.Response fields =
        add(Http.JSON.createObjectNode().put("alias", "it-corp-fields").put("type", "saml").put("ssoUrl", fromXml.get("ssoUrl").asText())
            .put("entityId", corpUrl()).put("signingCertificate", "-----BEGIN CERTIFICATE-----\n" + fromXml.get("signingCertificate").asText() + "\n-----END CERTIFICATE-----\n")
            .put("principalType", "ATTRIBUTE").put("principalAttribute", "email").toString());
    assertThat(fields.status()).as(fields.body()).isEqualTo(201);
    assertThat(fields.json().get("principalType").asText()).isEqualTo("ATTRIBUTE");
    assertThat(fields.json().get("signingCertificate").asText()).isEqualTo(fromXml.get("signingCertificate").asText());

    assertThat(Http.send("DELETE", idps() + "/it-corp-fields", admin, null).status()).isEqualTo(204);
    assertThat(Http.get(idps() + "/it-corp-fields", admin).status()).isEqualTo(404);
  }

  @Test
  void the_google_preset_needs_only_client_id_and_secret() {
    Http.Response google = add("{\"type\": \"google\", \"alias\": \"it-google\", \"clientId\": \"1234.apps.googleusercontent.com\", \"clientSecret\": \"google-Secret-1\"}");
    assertThat(google.status()).as(google.body()).isEqualTo(201);
    assertThat(google.json().get("displayName").asText()).isEqualTo("Google");
    assertThat(google.json().get("redirectUri").asText()).isEqualTo(platform.realmUrl() + "/broker/it-google/endpoint");
    assertThat(google.body()).doesNotContain("google-Secret-1");
    assertThat(Http.send("DELETE", idps() + "/it-google", admin, null).status()).isEqualTo(204);
  }

  @Test
  void bad_input_is_refused_with_the_field_to_fix_and_leaves_nothing_behind() {
    String unreachable = "http://127.0.0.1:" + Platform.port(599) + "/.well-known/openid-configuration";
    List<String[]> cases = new ArrayList<>();
    cases.add(new String[] {"{\"alias\": \"it-bad-xml\", \"type\": \"saml\", \"metadataXml\": \"<html><body>not metadata</body></html>\"}", "metadataXml"});
    cases.add(new String[] {"{\"alias\": \"it-bad-url\", \"type\": \"saml\", \"metadataUrl\": \"" + platform.url() + "/api/v1/health/live\"}", "metadataUrl"});
    cases.add(new String[] {"{\"alias\": \"it-bad-discovery\", \"type\": \"oidc\", \"discoveryUrl\": \"" + unreachable + "\", \"clientId\": \"x\", \"clientSecret\": \"y\"}", "discoveryUrl"});
    cases.add(new String[] {"{\"alias\": \"it-bad-role\", \"type\": \"google\", \"clientId\": \"x\", \"clientSecret\": \"y\", \"mappers\": [{\"name\": \"m\", \"type\": \"hardcoded-role\", \"role\": \"ae-wizard\"}]}", "mappers[0].role"});
    cases.add(new String[] {"{\"alias\": \"it-bad-mapper\", \"type\": \"saml\", \"metadataUrl\": \"" + corpUrl() + "/protocol/saml/descriptor\", \"mappers\": [{\"name\": \"m\", \"type\": \"regex\", \"role\": \"ae-uploader\"}]}", "mappers[0].type"});
    cases.add(new String[] {"{\"alias\": \"it-no-secret\", \"type\": \"google\", \"clientId\": \"x\"}", "clientSecret"});
    cases.add(new String[] {"{\"alias\": \"it-bad-type\", \"type\": \"kerberos\"}", "type"});
    cases.add(new String[] {"{\"alias\": \"It Bad Alias!\", \"type\": \"google\", \"clientId\": \"x\", \"clientSecret\": \"y\"}", "alias"});
    cases.add(new String[] {"{\"alias\": \"it-bad-cert\", \"type\": \"saml\", \"ssoUrl\": \"https://idp.example.com/sso\", \"signingCertificate\": \"not a certificate\"}", "signingCertificate"});
    for (String[] c : cases) {
      Http.Response refused = add(c[0]);
      assertThat(refused.status()).as(c[0] + " → " + refused.body()).isEqualTo(400);
      assertThat(refused.contentType()).startsWith("application/problem+json");
      JsonNode problem = refused.json();
      assertThat(problem.get("type").asText()).isEqualTo("urn:tessera:problem:invalid-identity-provider");
      assertThat(problem.get("errors").findValuesAsText("field")).as(refused.body()).contains(c[1]);
      assertThat(problem.get("detail").asText()).isNotBlank();
    }
    assertThat(add(cases.get(2)[0]).json().get("detail").asText()).contains(unreachable, "reachable");
    assertThat(Http.get(idps(), admin).json().findValuesAsText("alias")).noneMatch(a -> a.startsWith("it-bad") || a.equals("it-no-secret"));

    assertThat(add("{\"type\": \"google\", \"alias\": \"it-twice\", \"clientId\": \"x\", \"clientSecret\": \"y\"}").status()).isEqualTo(201);
    Http.Response twice = add("{\"type\": \"google\", \"alias\": \"it-twice\", \"clientId\": \"x\", \"clientSecret\": \"y\"}");
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.json().get("type").asText()).isEqualTo("urn:tessera:problem:identity-provider-exists");
    Http.Response renamed = Http.send("PUT", idps() + "/it-twice", admin, "{\"alias\": \"it-other\"}");
    assertThat(renamed.status()).isEqualTo(400);
    assertThat(renamed.json().get("errors").findValuesAsText("field")).contains("alias");
    assertThat(Http.send("PUT", idps() + "/it-nowhere", admin, "{}").status()).isEqualTo(404);
    assertThat(Http.send("DELETE", idps() + "/it-nowhere", admin, null).status()).isEqualTo(404);
  }

  @Test
  void the_identity_providers_page_shows_refusals_and_the_redirect_uri() throws Exception {
    String unreachable = "http://127.0.0.1:" + Platform.port(599) + "/.well-known/openid-configuration";
    Process node =
        new ProcessBuilder("node", "identity-providers.mjs", platform.url() + "/", platform.adminUsername(), platform.adminPassword(), "it-page-google", unreachable,
                Launcher.IT_DIR.resolve("identity-providers-page.png").toString())
            .directory(Launcher.ROOT.resolve("it/browser").toFile())
            .redirectErrorStream(true)
            .start();
    assertThat(node.waitFor(3, TimeUnit.MINUTES)).as("the browser script finished").isTrue();
    String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(node.exitValue()).as(output).isZero();

    JsonNode seen = Http.JSON.readTree(output.substring(output.lastIndexOf('\n') + 1));
    assertThat(seen.get("navigation").asText()).contains("Identity providers");
    assertThat(seen.get("unreachable").asText()).contains("discoveryUrl", unreachable);
    assertThat(seen.get("rowsAfterRefusal").asInt()).isZero();
    assertThat(seen.get("added").asText()).contains("Added it-page-google", platform.realmUrl() + "/broker/it-page-google/endpoint");
    assertThat(seen.get("redirectUri").asText()).isEqualTo(platform.realmUrl() + "/broker/it-page-google/endpoint");
    assertThat(seen.get("removed").asText()).contains("Removed it-page-google");
    assertThat(seen.get("rowsLeft").asInt()).isZero();
  }
}
