package org.tessera.identity.rest.dto;

import java.util.List;
import java.util.Map;
import org.tessera.identity.domain.RealmUserDetails;

/** One user with attributes, required actions, groups, direct and effective realm roles, and active sessions. */
public record UserDetailsResponse(
    String id, String username, String email, String firstName, String lastName, boolean enabled, boolean emailVerified, String createdAt, String source, String sourceName,
    Map<String, List<String>> attributes, List<String> requiredActions, List<String> groups, List<String> roles, List<String> effectiveRoles, List<UserSessionResponse> sessions) {

  public static UserDetailsResponse from(RealmUserDetails d) {
    var u = d.user();
    return new UserDetailsResponse(u.id(), u.username(), u.email(), u.firstName(), u.lastName(), u.enabled(), d.emailVerified(), u.createdAt() == null ? null : u.createdAt().toString(),
        u.source().kind(), u.source().name(), d.attributes(), d.requiredActions(), d.groups(), d.realmRoles(), d.effectiveRoles(), d.sessions().stream().map(UserSessionResponse::from).toList());
  }
}
