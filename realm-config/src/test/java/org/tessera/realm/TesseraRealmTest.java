package org.tessera.realm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The realm JSON is written by hand; these checks pin what the platform relies on, so that an
 * edit that breaks sign-in fails here in a second rather than in a browser test minutes later.
 */
class TesseraRealmTest {

  static JsonNode realm;

  @BeforeAll
  static void load() throws Exception {
    try (InputStream in = TesseraRealmTest.class.getResourceAsStream("/realms/tessera-realm.json")) {
      realm = new ObjectMapper().readTree(in);
    }
  }

  static JsonNode client(String clientId) {
    return StreamSupport.stream(realm.get("clients").spliterator(), false)
        .filter(c -> clientId.equals(c.get("clientId").asText()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no client " + clientId));
  }

  static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  @Test
  void ae_admin_implies_every_other_tessera_role() {
    JsonNode admin = realm.at("/roles/realm/0");
    assertThat(admin.get("name").asText()).isEqualTo("ae-admin");
    assertThat(admin.get("composite").asBoolean()).isTrue();
    assertThat(texts(admin.at("/composites/realm"))).containsExactlyInAnyOrder("ae-creator", "ae-deployer", "ae-uploader");
  }

  @Test
  void new_users_land_in_everyone_and_admins_carry_ae_admin() {
    assertThat(texts(realm.get("defaultGroups"))).containsExactly("/everyone");
    JsonNode admins = realm.at("/groups/0");
    assertThat(admins.get("name").asText()).isEqualTo("admins");
    assertThat(texts(admins.get("realmRoles"))).containsExactly("ae-admin");
  }

  @Test
  void the_web_client_is_confidential_with_code_flow_and_pkce() {
    JsonNode web = client("tessera-web");
    assertThat(web.get("publicClient").asBoolean()).isFalse();
    assertThat(web.get("standardFlowEnabled").asBoolean()).isTrue();
    assertThat(web.get("directAccessGrantsEnabled").asBoolean()).isFalse();
    assertThat(web.at("/attributes/pkce.code.challenge.method").asText()).isEqualTo("S256");
    assertThat(web.get("secret").asText()).isEqualTo("${TESSERA_WEB_CLIENT_SECRET}");
  }

  @Test
  void the_api_client_is_bearer_only_and_the_cli_client_public_with_device_flow() {
    assertThat(client("tessera-api").get("bearerOnly").asBoolean()).isTrue();
    JsonNode cli = client("tessera-cli");
    assertThat(cli.get("publicClient").asBoolean()).isTrue();
    assertThat(cli.get("directAccessGrantsEnabled").asBoolean()).isTrue();
    assertThat(cli.at("/attributes/oauth2.device.authorization.grant.enabled").asText()).isEqualTo("true");
  }

  @Test
  void tokens_of_web_and_cli_carry_groups_and_the_api_audience() {
    for (String clientId : List.of("tessera-web", "tessera-cli")) {
      List<String> mappers = new ArrayList<>();
      client(clientId).get("protocolMappers").forEach(m -> mappers.add(m.get("protocolMapper").asText()));
      assertThat(mappers).as(clientId).contains("oidc-group-membership-mapper", "oidc-audience-mapper");
    }
  }

  @Test
  void token_and_session_lifespans_are_explicit() {
    for (String setting : List.of("accessTokenLifespan", "ssoSessionIdleTimeout", "ssoSessionMaxLifespan", "oauth2DeviceCodeLifespan")) {
      assertThat(realm.get(setting)).as(setting).isNotNull();
      assertThat(realm.get(setting).asInt()).as(setting).isPositive();
    }
  }

  @Test
  void login_and_admin_events_are_stored_for_the_admin_events_page() {
    assertThat(realm.get("eventsEnabled").asBoolean()).isTrue();
    assertThat(realm.get("adminEventsEnabled").asBoolean()).isTrue();
    assertThat(realm.get("eventsExpiration").asInt()).isPositive();
    List<String> serviceRoles = new ArrayList<>();
    realm.at("/users/1/clientRoles/realm-management").forEach(r -> serviceRoles.add(r.asText()));
    assertThat(serviceRoles).contains("view-users", "manage-users", "query-groups", "view-realm", "manage-realm", "view-events", "manage-events");
  }

  @Test
  void no_secret_or_host_is_written_into_the_realm() {
    String json = realm.toString();
    assertThat(json).doesNotContain("localhost", "127.0.0.1");
    assertThat(realm.at("/users/0/credentials/0/value").asText()).isEqualTo("${TESSERA_ADMIN_PASSWORD}");
  }
}
