package org.tessera.identity.rest;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.tessera.identity.application.RealmSettingsService;
import org.tessera.identity.rest.dto.RealmSettingsDto;
import org.tessera.identity.web.CurrentUser;

/**
 * {@code /api/v1/admin/realm-settings}: the seed's session and token timeouts (seconds, under
 * Keycloak's field names), single-use refresh tokens and self-registration (role {@code ae-admin}).
 */
@Path("/v1/admin/realm-settings")
@Produces(MediaType.APPLICATION_JSON)
public class RealmSettingsResource {

  @EJB RealmSettingsService realm;
  @Inject CurrentUser currentUser;

  @GET
  public Map<String, Object> get() {
    return RealmSettingsDto.from(realm.settings());
  }

  /** Changes the fields sent, e.g. {@code {"ssoSessionIdleTimeout": 3600, "registrationAllowed": true}}; checked as a whole, nothing saved on error. */
  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public Map<String, Object> update(Map<String, Object> body) {
    return RealmSettingsDto.from(realm.update(RealmSettingsDto.toChange(body), currentUser.profile().map(u -> u.username()).orElse("unknown")));
  }
}
