package org.tessera.identity.rest.dto;

import java.util.Map;
import org.tessera.identity.domain.RealmEvent;

/** A login event. */
public record RealmEventResponse(String time, String type, String username, String userId, String client, String ipAddress, String error, Map<String, String> details) {

  public static RealmEventResponse from(RealmEvent e) {
    return new RealmEventResponse(e.time() == null ? null : e.time().toString(), e.type(), e.username(), e.userId(), e.client(), e.ipAddress(), e.error(), e.details());
  }
}
