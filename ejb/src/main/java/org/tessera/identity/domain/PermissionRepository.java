package org.tessera.identity.domain;

import java.util.Map;

/** Where the administrator's permission lists are kept. Implementations join the caller's transaction. */
public interface PermissionRepository {

  /** Every permission's lists; permissions without lists are absent. */
  Map<Permission, PermissionGrants> all();

  /** Replaces a permission's lists as a whole. */
  void replace(Permission permission, PermissionGrants grants);
}
