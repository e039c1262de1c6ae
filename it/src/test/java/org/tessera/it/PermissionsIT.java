package org.tessera.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Platform permissions from roles and the administrator's lists, as the seed's deploy.deployers example. */
class PermissionsIT {

  static Platform platform;
  static String admin;

  @BeforeAll
  static void startPlatform() {
    platform = Platform.shared();
    admin = Http.passwordToken(platform.realmUrl(), "tessera-cli", platform.adminUsername(), platform.adminPassword());
  }

  @AfterEach
  void clearLists() {
    Http.send("PUT", platform.url() + "/api/v1/admin/permissions/deploy.deployers", admin, "{}");
  }

  static JsonNode mine(String token) {
    Http.Response response = Http.get(platform.url() + "/api/v1/me/permissions", token);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  @Test
  void roles_grant_their_permissions_and_admins_have_all() {
    KeycloakAdmin keycloak = new KeycloakAdmin(platform);
    String uploader = Http.passwordToken(platform.realmUrl(), "tessera-cli", "perm-uploader", keycloak.ensureUserWithRoles("perm-uploader", List.of("ae-uploader")));

    JsonNode theirs = mine(uploader);
    assertThat(theirs.get("repository.uploaders").asBoolean()).isTrue();
    assertThat(theirs.get("deploy.deployers").asBoolean()).isFalse();
    assertThat(theirs.get("storage.creators").asBoolean()).isFalse();
    assertThat(theirs.get("workspace.users").asBoolean()).isTrue();
    mine(admin).fields().forEachRemaining(p -> assertThat(p.getValue().asBoolean()).as(p.getKey()).isTrue());
  }

  @Test
  void a_group_in_the_deployers_list_lets_its_members_deploy() {
    KeycloakAdmin keycloak = new KeycloakAdmin(platform);
    String erin = Http.passwordToken(platform.realmUrl(), "tessera-cli", "perm-erin", keycloak.ensureUserWithRoles("perm-erin", List.of()));
    assertThat(mine(erin).get("deploy.deployers").asBoolean()).isFalse();

    Http.Response saved = Http.send("PUT", platform.url() + "/api/v1/admin/permissions/deploy.deployers", admin,
        "{\"users\": [\"perm-erin\"], \"groups\": [\"AE5\", \"developers\"], \"roles\": [\"Publisher\"]}");

    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    JsonNode deployers = saved.json().get(0);
    assertThat(deployers.get("key").asText()).isEqualTo("deploy.deployers");
    assertThat(deployers.get("builtInRole").asText()).isEqualTo("ae-deployer");
    assertThat(deployers.get("groups")).extracting(JsonNode::asText).containsExactly("AE5", "developers");
    assertThat(mine(erin).get("deploy.deployers").asBoolean()).isTrue();

    JsonNode audited = Http.get(platform.url() + "/api/v1/audit?action=identity.permissions-changed", admin).json();
    assertThat(audited.get("total").asLong()).isPositive();
    assertThat(audited.at("/events/0/target").asText()).isEqualTo("deploy.deployers");
  }

  @Test
  void bad_lists_and_unknown_permissions_are_refused_with_what_to_fix() {
    Http.Response blank = Http.send("PUT", platform.url() + "/api/v1/admin/permissions/deploy.deployers", admin, "{\"users\": [\" \"]}");
    Http.Response unknown = Http.send("PUT", platform.url() + "/api/v1/admin/permissions/deploy.everyone", admin, "{}");

    ApiIT.assertProblem(blank, 400, "invalid-permission-lists");
    assertThat(blank.json().at("/errors/0/field").asText()).isEqualTo("users");
    ApiIT.assertProblem(unknown, 404, "unknown-permission");
    assertThat(unknown.json().get("detail").asText()).contains("deploy.deployers");
  }
}
