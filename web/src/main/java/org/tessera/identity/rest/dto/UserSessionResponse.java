package org.tessera.identity.rest.dto;

import java.util.List;
import org.tessera.identity.domain.UserSession;

/** One active session of a user. */
public record UserSessionResponse(String id, String ipAddress, String started, String lastAccess, List<String> clients) {

  public static UserSessionResponse from(UserSession s) {
    return new UserSessionResponse(s.id(), s.ipAddress(), s.started() == null ? null : s.started().toString(), s.lastAccess() == null ? null : s.lastAccess().toString(), s.clients());
  }
}
