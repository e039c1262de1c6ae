package org.tessera.identity.domain;

import java.util.List;
import java.util.Map;

/**
 * Everything the admin console shows of one user: profile attributes, required actions, groups,
 * the realm roles granted directly ({@code realmRoles}) and those held through groups and
 * composites too ({@code effectiveRoles}), and the active sessions.
 */
public record RealmUserDetails(
    RealmUser user,
    boolean emailVerified,
    Map<String, List<String>> attributes,
    List<String> requiredActions,
    List<String> groups,
    List<String> realmRoles,
    List<String> effectiveRoles,
    List<UserSession> sessions)
    implements java.io.Serializable {

  public boolean isAdmin() {
    return effectiveRoles.contains(Roles.ADMIN);
  }
}
