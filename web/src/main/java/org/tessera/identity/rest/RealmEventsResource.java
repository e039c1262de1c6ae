package org.tessera.identity.rest;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import org.tessera.identity.application.RealmSettingsService;
import org.tessera.identity.domain.EventQuery;
import org.tessera.identity.rest.dto.AdminEventResponse;
import org.tessera.identity.rest.dto.EventPageResponse;
import org.tessera.identity.rest.dto.EventsConfigDto;
import org.tessera.identity.rest.dto.RealmEventResponse;
import org.tessera.identity.web.CurrentUser;

/**
 * Keycloak's stored login events ({@code /api/v1/admin/events/login}), admin events
 * ({@code /api/v1/admin/events/admin}) and whether it stores them ({@code /api/v1/admin/events/config}),
 * with the seed's filters (role {@code ae-admin}). Dates are {@code yyyy-MM-dd}, both inclusive.
 */
@Path("/v1/admin/events")
@Produces(MediaType.APPLICATION_JSON)
public class RealmEventsResource {

  @EJB RealmSettingsService realm;
  @Inject CurrentUser currentUser;

  /**
   * @param type event types (repeat or comma-separate), e.g. LOGIN, LOGIN_ERROR, LOGOUT
   * @param user user name
   * @param client client id, e.g. tessera-web
   */
  @GET
  @Path("/login")
  public EventPageResponse<RealmEventResponse> loginEvents(@QueryParam("type") List<String> type, @QueryParam("user") String user, @QueryParam("client") String client,
      @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
    EventQuery query = new EventQuery(split(type), user, client, null, null, EventQuery.date("from", from), EventQuery.date("to", to), page, size);
    return EventPageResponse.from(realm.events(query), RealmEventResponse::from);
  }

  /**
   * @param operation CREATE, UPDATE, DELETE or ACTION (repeat or comma-separate)
   * @param user the acting user's name
   * @param resourceType e.g. USER, GROUP, REALM_ROLE_MAPPING
   * @param resourcePath e.g. users/* (Keycloak's wildcard)
   */
  @GET
  @Path("/admin")
  public EventPageResponse<AdminEventResponse> adminEvents(@QueryParam("operation") List<String> operation, @QueryParam("user") String user, @QueryParam("client") String client,
      @QueryParam("resourceType") String resourceType, @QueryParam("resourcePath") String resourcePath, @QueryParam("from") String from, @QueryParam("to") String to,
      @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
    EventQuery query = new EventQuery(split(operation), user, client, resourceType, resourcePath, EventQuery.date("from", from), EventQuery.date("to", to), page, size);
    return EventPageResponse.from(realm.adminEvents(query), AdminEventResponse::from);
  }

  @GET
  @Path("/config")
  public EventsConfigDto eventsConfig() {
    return EventsConfigDto.from(realm.eventsConfig());
  }

  /** Switches event storage on or off and sets the expiry, e.g. {@code {"eventsEnabled": true, "expirationSeconds": 2592000}}. */
  @PUT
  @Path("/config")
  @Consumes(MediaType.APPLICATION_JSON)
  public EventsConfigDto updateEventsConfig(EventsConfigDto body) {
    return EventsConfigDto.from(realm.updateEventsConfig(body == null ? null : body.toConfig(), currentUser.profile().map(u -> u.username()).orElse("unknown")));
  }

  private static List<String> split(List<String> values) {
    return values == null ? List.of() : values.stream().flatMap(v -> Arrays.stream(v.split(","))).toList();
  }
}
