package org.tessera.sessions.rest;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.tessera.identity.domain.UserProfile;
import org.tessera.identity.web.CurrentUser;
import org.tessera.shared.rest.ApiCallers;
import org.tessera.projects.domain.InvalidProjectRequestException;
import org.tessera.sessions.application.SessionService;

/** {@code /api/v1/admin/session-settings}: how long a session may stay idle (0: forever). */
@Path("/v1/admin/session-settings")
@Produces(MediaType.APPLICATION_JSON)
public class SessionSettingsResource {

  @EJB SessionService sessions;
  @Inject CurrentUser currentUser;

  @GET
  public Map<String, Integer> get() {
    ApiCallers.admin(currentUser);
    return Map.of("idleMinutes", sessions.idleMinutes());
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public Map<String, Integer> put(Map<String, Object> body) {
    UserProfile caller = ApiCallers.admin(currentUser);
    Object minutes = body == null ? null : body.get("idleMinutes");
    if (!(minutes instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())) {
      throw new InvalidProjectRequestException("idleMinutes", "Give idleMinutes as a whole number of minutes; 0 never stops idle sessions.");
    }
    sessions.setIdleMinutes(caller, number.intValue());
    return Map.of("idleMinutes", sessions.idleMinutes());
  }
}
