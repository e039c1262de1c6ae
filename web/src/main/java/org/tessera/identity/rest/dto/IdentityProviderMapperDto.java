package org.tessera.identity.rest.dto;

import org.tessera.identity.domain.IdentityProviderMapping;

/** One mapper of an identity provider: {@code attribute-to-role}, {@code hardcoded-role} or {@code attribute-to-profile}. */
public record IdentityProviderMapperDto(String name, String type, String attribute, String value, String role, String userAttribute) {

  public IdentityProviderMapping toMapping() {
    return new IdentityProviderMapping(name, type, attribute, value, role, userAttribute);
  }

  public static IdentityProviderMapperDto from(IdentityProviderMapping m) {
    return new IdentityProviderMapperDto(m.name(), m.type(), m.attribute(), m.value(), m.role(), m.userAttribute());
  }
}
