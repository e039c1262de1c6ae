package org.tessera.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The audit trail: sign-ins and state-changing calls are recorded and only admins read them. */
class AuditIT {

  static Platform platform;
  static String adminToken;

  @BeforeAll
  static void startPlatform() {
    platform = Platform.shared();
    adminToken = Http.passwordToken(platform.realmUrl(), "tessera-cli", platform.adminUsername(), platform.adminPassword());
  }

  static List<JsonNode> events(String query) {
    Http.Response response = Http.get(platform.url() + "/api/v1/audit?" + query, adminToken);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    List<JsonNode> events = new ArrayList<>();
    response.json().get("events").forEach(events::add);
    return events;
  }

  @Test
  void a_state_changing_call_is_recorded_with_who_what_when_and_where() {
    String carol = new KeycloakAdmin(platform).ensureUser("carol");
    String token = Http.passwordToken(platform.realmUrl(), "tessera-cli", "carol", carol);

    Http.send("PUT", platform.url() + "/api/v1/me", token, "{}");

    List<JsonNode> events = events("actor=carol&action=api.put");
    assertThat(events).isNotEmpty();
    JsonNode event = events.get(0);
    assertThat(event.get("target").asText()).isEqualTo("/api/v1/me");
    assertThat(event.get("clientAddress").asText()).isEqualTo("127.0.0.1");
    assertThat(event.get("outcome").asText()).isEqualTo("FAILURE");
    assertThat(event.get("detail").asText()).isEqualTo("HTTP 405");
    assertThat(event.get("occurredAt").asText()).endsWith("Z");
  }

  @Test
  void a_sign_in_is_recorded_once_per_keycloak_session() {
    String dave = new KeycloakAdmin(platform).ensureUser("dave");
    String token = Http.passwordToken(platform.realmUrl(), "tessera-cli", "dave", dave);

    Http.get(platform.url() + "/api/v1/me", token);
    Http.get(platform.url() + "/api/v1/me", token);

    List<JsonNode> signIns = events("actor=dave&action=identity.sign-in");
    assertThat(signIns).hasSize(1);
    assertThat(signIns.get(0).get("target").asText()).startsWith("client:tessera-cli session:");
  }

  @Test
  void filters_and_paging_are_validated_with_the_field_to_fix() {
    Http.Response badSize = Http.get(platform.url() + "/api/v1/audit?size=0", adminToken);
    Http.Response badTime = Http.get(platform.url() + "/api/v1/audit?from=yesterday", adminToken);

    ApiIT.assertProblem(badSize, 400, "invalid-audit-query");
    assertThat(badSize.json().at("/errors/0/field").asText()).isEqualTo("size");
    ApiIT.assertProblem(badTime, 400, "invalid-audit-query");
    assertThat(badTime.json().at("/errors/0/field").asText()).isEqualTo("from");
  }

  @Test
  void pages_are_newest_first_with_a_total() {
    Http.Response response = Http.get(platform.url() + "/api/v1/audit?size=1&page=0", adminToken);

    JsonNode page = response.json();
    assertThat(page.get("size").asInt()).isEqualTo(1);
    assertThat(page.get("events")).hasSize(1);
    assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(1);
  }
}
