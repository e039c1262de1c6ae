package org.tessera.identity.rest.dto;

import org.tessera.identity.domain.RealmUser;

/** One user in a list: {@code source} is local, directory or identity-provider, {@code sourceName} the directory's name or the provider's alias. */
public record UserResponse(String id, String username, String email, String firstName, String lastName, boolean enabled, String createdAt, String source, String sourceName) {

  public static UserResponse from(RealmUser u) {
    return new UserResponse(u.id(), u.username(), u.email(), u.firstName(), u.lastName(), u.enabled(), u.createdAt() == null ? null : u.createdAt().toString(),
        u.source().kind(), u.source().name());
  }
}
