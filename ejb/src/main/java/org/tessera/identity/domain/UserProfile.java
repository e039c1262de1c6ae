package org.tessera.identity.domain;

import java.util.List;
import java.util.Objects;

/**
 * The signed-in user as the identity provider asserts it in the token. Roles are only Tessera's
 * roles, sorted; groups are the directory or Keycloak group names, sorted.
 */
public record UserProfile(
    String username, String email, String name, List<String> roles, List<String> groups) {

  public UserProfile {
    if (username == null || username.isBlank()) {
      throw new IllegalArgumentException("A user profile needs a user name.");
    }
    roles = roles == null ? List.of() : roles.stream().filter(Roles::isTesseraRole).sorted().toList();
    groups = groups == null ? List.of() : groups.stream().filter(Objects::nonNull).sorted().toList();
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }
}
