package org.tessera.identity.rest.dto;

import java.util.List;
import org.tessera.identity.domain.PermissionGrants;

/** New extra lists of a permission; a missing list means an empty one. */
public record PermissionGrantsRequest(List<String> users, List<String> groups, List<String> roles) {

  public PermissionGrants toGrants() {
    return PermissionGrants.of(users, groups, roles);
  }
}
