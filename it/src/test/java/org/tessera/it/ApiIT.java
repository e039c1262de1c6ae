package org.tessera.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The REST API's contract: tokens, roles, problem+json, health, discovery and OpenAPI. */
class ApiIT {

  static Platform platform;
  static String adminToken;

  @BeforeAll
  static void startPlatform() {
    platform = Platform.shared();
    adminToken = Http.passwordToken(platform.realmUrl(), "tessera-cli", platform.adminUsername(), platform.adminPassword());
  }

  static void assertProblem(Http.Response response, int status, String type) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    JsonNode problem = response.json();
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("type").asText()).isEqualTo("urn:tessera:problem:" + type);
    assertThat(problem.get("title").asText()).isNotBlank();
    assertThat(problem.get("detail").asText()).isNotBlank();
  }

  @Test
  void health_live_and_ready_answer_without_a_token() {
    Http.Response live = Http.get(platform.url() + "/api/v1/health/live", null);
    Http.Response ready = Http.get(platform.url() + "/api/v1/health/ready", null);

    assertThat(live.status()).isEqualTo(200);
    assertThat(live.json().get("status").asText()).isEqualTo("UP");
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.json().at("/checks/0/name").asText()).isEqualTo("database");
    assertThat(ready.json().at("/checks/0/detail").asText()).contains("H2").containsPattern("schema version \\d+");
  }

  @Test
  void info_tells_clients_where_to_sign_in() {
    JsonNode info = Http.get(platform.url() + "/api/v1/info", null).json();

    assertThat(info.get("issuer").asText()).isEqualTo(platform.realmUrl());
    assertThat(info.get("cliClientId").asText()).isEqualTo("tessera-cli");
  }

  @Test
  void openapi_documents_every_endpoint() {
    Http.Response response = Http.get(platform.url() + "/api/openapi", null);

    assertThat(response.status()).isEqualTo(200);
    List<String> paths = new ArrayList<>();
    response.json().get("paths").fieldNames().forEachRemaining(paths::add);
    assertThat(paths).contains("/v1/me", "/v1/audit", "/v1/health/live", "/v1/health/ready", "/v1/info", "/openapi");
    assertThat(response.json().at("/servers/0/url").asText()).isEqualTo("/api");
    assertThat(response.json().at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
  }

  @Test
  void me_returns_name_email_roles_and_groups_of_the_bearer() {
    Http.Response response = Http.get(platform.url() + "/api/v1/me", adminToken);

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonNode me = response.json();
    assertThat(me.get("username").asText()).isEqualTo(platform.adminUsername());
    assertThat(me.get("email").asText()).isEqualTo("admin@tessera.local");
    assertThat(me.get("roles")).extracting(JsonNode::asText).containsExactly("ae-admin", "ae-creator", "ae-deployer", "ae-uploader");
    assertThat(me.get("groups")).extracting(JsonNode::asText).contains("admins", "everyone");
  }

  @Test
  void no_token_is_401_problem_with_a_bearer_challenge() {
    assertProblem(Http.get(platform.url() + "/api/v1/me", null), 401, "not-signed-in");
  }

  @Test
  void a_token_with_a_bad_signature_is_401_problem() {
    String[] parts = adminToken.split("\\.");
    String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

    assertProblem(Http.get(platform.url() + "/api/v1/me", forged), 401, "not-signed-in");
  }

  @Test
  void an_expired_token_is_401_problem() throws Exception {
    KeycloakAdmin keycloak = new KeycloakAdmin(platform);
    keycloak.ensureShortLivedClient("tessera-it-short-lived");
    String token = Http.passwordToken(platform.realmUrl(), "tessera-it-short-lived", platform.adminUsername(), platform.adminPassword());
    long expiry = Http.JSON.readTree(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1])).get("exp").asLong();

    // Wait on the token's own clock, not a fixed sleep: one second past its expiry.
    while (Instant.now().getEpochSecond() <= expiry + 1) {
      Thread.sleep(Duration.ofMillis(200));
    }

    assertProblem(Http.get(platform.url() + "/api/v1/me", token), 401, "not-signed-in");
  }

  @Test
  void a_user_without_the_admin_role_gets_403_problem_on_the_audit_trail() {
    KeycloakAdmin keycloak = new KeycloakAdmin(platform);
    String password = keycloak.ensureUser("bob");
    String bob = Http.passwordToken(platform.realmUrl(), "tessera-cli", "bob", password);

    Http.Response me = Http.get(platform.url() + "/api/v1/me", bob);
    assertThat(me.json().get("roles")).extracting(JsonNode::asText).containsExactly("ae-creator", "ae-deployer");
    assertThat(me.json().get("groups")).extracting(JsonNode::asText).containsExactly("everyone");

    assertProblem(Http.get(platform.url() + "/api/v1/audit", bob), 403, "forbidden");
  }

  @Test
  void an_unknown_path_is_404_problem_and_a_wrong_method_405_problem() {
    assertProblem(Http.get(platform.url() + "/api/v1/no-such-thing", adminToken), 404, "not-found");
    assertProblem(Http.send("DELETE", platform.url() + "/api/v1/me", adminToken, null), 405, "method-not-allowed");
  }

  @Test
  void pages_redirect_a_browser_to_the_keycloak_login_of_realm_tessera() {
    Http.Response home = Http.get(platform.url() + "/", null);

    assertThat(home.status()).isEqualTo(302);
  }
}
