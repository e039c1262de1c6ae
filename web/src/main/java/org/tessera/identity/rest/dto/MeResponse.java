package org.tessera.identity.rest.dto;

import java.util.List;
import org.tessera.identity.domain.UserProfile;

/** The caller as the API sees them. */
public record MeResponse(String username, String email, String name, List<String> roles, List<String> groups) {

  public static MeResponse from(UserProfile user) {
    return new MeResponse(user.username(), user.email(), user.name(), user.roles(), user.groups());
  }
}
