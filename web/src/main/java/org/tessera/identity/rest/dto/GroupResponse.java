package org.tessera.identity.rest.dto;

import java.util.List;
import org.tessera.identity.domain.RealmGroup;

/** A group and the realm roles its members inherit. */
public record GroupResponse(String id, String name, String path, List<String> roles) {

  public static GroupResponse from(RealmGroup g) {
    return new GroupResponse(g.id(), g.name(), g.path(), g.realmRoles());
  }
}
