package org.tessera.identity.application;

import jakarta.validation.constraints.NotNull;
import java.util.Map;
import org.tessera.identity.domain.Permission;
import org.tessera.identity.domain.PermissionGrants;
import org.tessera.identity.domain.UserProfile;

/** Platform permissions: who may deploy, open sessions, create projects, upload packages. */
public interface PermissionService {

  /** Whether the user has the permission; any caller, for their own or another's profile. */
  boolean allows(@NotNull(message = "A user is required.") UserProfile user, @NotNull(message = "A permission is required.") Permission permission);

  /**
   * Refuses with {@link org.tessera.identity.domain.PermissionDeniedException} unless the user has
   * the permission. Every service that guards a platform action calls this.
   */
  void check(@NotNull(message = "A user is required.") UserProfile user, @NotNull(message = "A permission is required.") Permission permission);

  /** Every permission with the administrator's lists (empty lists where none); {@code ae-admin}. */
  Map<Permission, PermissionGrants> lists();

  /**
   * Replaces a permission's lists; {@code ae-admin}. Audited with the new lists.
   *
   * @param key the seed's name, e.g. {@code deploy.deployers}
   */
  void replace(String key, @NotNull(message = "Send the lists as a JSON body: {\"users\": [], \"groups\": [], \"roles\": []}.") PermissionGrants grants, String actor);
}
