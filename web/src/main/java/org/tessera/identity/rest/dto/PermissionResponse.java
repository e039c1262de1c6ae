package org.tessera.identity.rest.dto;

import java.util.List;
import java.util.Map;
import org.tessera.identity.domain.Permission;
import org.tessera.identity.domain.PermissionGrants;

/**
 * A platform permission with its built-in grant and the administrator's extra lists. {@code
 * builtInRole} is null when every signed-in user has the permission.
 */
public record PermissionResponse(
    String key, String description, String builtInRole, List<String> users, List<String> groups, List<String> roles) {

  public static PermissionResponse from(Permission permission, PermissionGrants grants) {
    return new PermissionResponse(
        permission.key(),
        permission.description(),
        permission.builtInRole().orElse(null),
        grants.users().stream().sorted().toList(),
        grants.groups().stream().sorted().toList(),
        grants.roles().stream().sorted().toList());
  }

  public static List<PermissionResponse> from(Map<Permission, PermissionGrants> lists) {
    return lists.entrySet().stream().map(e -> from(e.getKey(), e.getValue())).toList();
  }
}
