package org.tessera.it;

import java.util.List;
import java.util.Map;

/**
 * What the tests need from Keycloak's admin REST API, as the master-realm administrator that
 * {@code up} bootstrapped: users with chosen roles, and a client whose tokens expire at once.
 */
final class KeycloakAdmin {

  private final Platform platform;

  KeycloakAdmin(Platform platform) {
    this.platform = platform;
  }

  private String token() {
    return Http.passwordToken(
        platform.keycloakUrl() + "/realms/master", "admin-cli", platform.keycloakAdminUsername(), platform.keycloakAdminPassword());
  }

  private String admin(String path) {
    return platform.keycloakUrl() + "/admin/realms/tessera" + path;
  }

  /** Creates a user in the default group only (no ae-admin), unless they exist; returns the password. */
  String ensureUser(String username) {
    String password = username + "-Pa55word";
    String body;
    try {
      body =
          Http.JSON.writeValueAsString(
              Map.of(
                  "username", username,
                  "enabled", true,
                  "email", username + "@example.org",
                  "emailVerified", true,
                  "firstName", username,
                  "lastName", "Tester",
                  "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false))));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    Http.Response created = Http.send("POST", admin("/users"), token(), body);
    if (created.status() != 201 && created.status() != 409) {
      throw new AssertionError("Could not create user " + username + ": " + created.status() + " " + created.body());
    }
    return password;
  }

  /**
   * Creates a user holding exactly the given realm roles (and no group, so not even the default
   * group's roles), unless they exist; returns the password.
   */
  String ensureUserWithRoles(String username, List<String> roles) {
    String password = ensureUser(username);
    String token = token();
    String id = Http.get(admin("/users?exact=true&username=" + username), token).json().get(0).get("id").asText();
    Http.get(admin("/users/" + id + "/groups"), token)
        .json()
        .forEach(group -> Http.send("DELETE", admin("/users/" + id + "/groups/" + group.get("id").asText()), token, null));
    for (String role : roles) {
      String representation = Http.get(admin("/roles/" + role), token).body();
      Http.Response granted = Http.send("POST", admin("/users/" + id + "/role-mappings/realm"), token, "[" + representation + "]");
      if (granted.status() != 204) {
        throw new AssertionError("Could not grant " + role + " to " + username + ": " + granted.status() + " " + granted.body());
      }
    }
    return password;
  }

  /** Creates a top-level group with no roles, unless it exists. */
  void ensureGroup(String group) {
    Http.Response created = Http.send("POST", admin("/groups"), token(), "{\"name\": \"" + group + "\"}");
    if (created.status() != 201 && created.status() != 409) {
      throw new AssertionError("Could not create group " + group + ": " + created.status() + " " + created.body());
    }
  }

  /** Puts the user into the group, creating the group if needed. */
  void ensureGroupMember(String username, String group) {
    String token = token();
    Http.Response created = Http.send("POST", admin("/groups"), token, "{\"name\": \"" + group + "\"}");
    if (created.status() != 201 && created.status() != 409) {
      throw new AssertionError("Could not create group " + group + ": " + created.status() + " " + created.body());
    }
    String groupId = Http.get(admin("/groups?exact=true&search=" + group), token).json().get(0).get("id").asText();
    String userId = Http.get(admin("/users?exact=true&username=" + username), token).json().get(0).get("id").asText();
    Http.Response joined = Http.send("PUT", admin("/users/" + userId + "/groups/" + groupId), token, null);
    if (joined.status() != 204) {
      throw new AssertionError("Could not add " + username + " to " + group + ": " + joined.status() + " " + joined.body());
    }
  }

  /** A public client with direct grants whose access tokens live one second, with Tessera's audience. */
  void ensureShortLivedClient(String clientId) {
    String body =
        """
        {"clientId": "%s", "publicClient": true, "directAccessGrantsEnabled": true, "standardFlowEnabled": false,
         "attributes": {"access.token.lifespan": "1"},
         "protocolMappers": [{"name": "audience", "protocol": "openid-connect", "protocolMapper": "oidc-audience-mapper",
           "config": {"included.client.audience": "tessera-api", "access.token.claim": "true"}}]}
        """
            .formatted(clientId);
    Http.Response created = Http.send("POST", admin("/clients"), token(), body);
    if (created.status() != 201 && created.status() != 409) {
      throw new AssertionError("Could not create client " + clientId + ": " + created.status() + " " + created.body());
    }
  }
}
