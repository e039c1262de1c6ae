package org.tessera.identity.domain;

import java.util.List;
import java.util.Objects;

/**
 * The signed-in user as the identity provider asserts it in the token: every realm role (Tessera's
 * own and any a directory brings, such as {@code Publisher}) and the group names, both sorted.
 */
public record UserProfile(String username, String email, String name, List<String> realmRoles, List<String> groups) {

  public UserProfile {
    if (username == null || username.isBlank()) {
      throw new IllegalArgumentException("A user profile needs a user name.");
    }
    realmRoles = realmRoles == null ? List.of() : realmRoles.stream().filter(Objects::nonNull).sorted().distinct().toList();
    groups = groups == null ? List.of() : groups.stream().filter(Objects::nonNull).sorted().distinct().toList();
  }

  /** Only Tessera's roles ({@link Roles#ALL}), sorted. */
  public List<String> roles() {
    return realmRoles.stream().filter(Roles::isTesseraRole).toList();
  }

  public boolean hasRole(String role) {
    return realmRoles.contains(role);
  }
}
