package org.tessera.identity.domain;

import java.util.Map;

/**
 * The one place that decides platform permissions. A user has a permission when they are an
 * administrator ({@code ae-admin} implies everything), hold its built-in role (or it has none,
 * which grants every signed-in user), or appear in its lists by user name, by one of their groups,
 * or by one of their roles. Every service asks here; nothing else compares role names.
 */
public final class PermissionPolicy {

  private final Map<Permission, PermissionGrants> lists;

  /** @param lists the administrator's extra grants; a missing permission has none */
  public PermissionPolicy(Map<Permission, PermissionGrants> lists) {
    this.lists = Map.copyOf(lists);
  }

  public boolean allows(UserProfile user, Permission permission) {
    if (user.hasRole(Roles.ADMIN)) {
      return true;
    }
    if (permission.builtInRole().map(user::hasRole).orElse(true)) {
      return true;
    }
    PermissionGrants extra = lists.getOrDefault(permission, PermissionGrants.NONE);
    return extra.users().contains(user.username())
        || user.groups().stream().anyMatch(extra.groups()::contains)
        || user.realmRoles().stream().anyMatch(extra.roles()::contains);
  }

  /** Throws {@link PermissionDeniedException} unless {@link #allows}. */
  public void check(UserProfile user, Permission permission) {
    if (!allows(user, permission)) {
      throw new PermissionDeniedException(user.username(), permission);
    }
  }
}
