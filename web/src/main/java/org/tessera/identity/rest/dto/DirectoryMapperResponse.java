package org.tessera.identity.rest.dto;

import java.util.List;
import java.util.Map;
import org.tessera.identity.domain.DirectoryMapper;

/** One LDAP mapper of a directory: Keycloak's component id, name, type (provider id) and config. */
public record DirectoryMapperResponse(String id, String name, String type, Map<String, List<String>> config) {

  public static DirectoryMapperResponse from(DirectoryMapper m) {
    return new DirectoryMapperResponse(m.id(), m.name(), m.type(), m.config());
  }
}
