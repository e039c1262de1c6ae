package org.tessera.identity.rest.dto;

import org.tessera.identity.domain.EventsConfig;

/** Whether Keycloak stores login and admin events and for how long (seconds; null or 0: forever). In a PUT, missing fields keep their values. */
public record EventsConfigDto(Boolean eventsEnabled, Boolean adminEventsEnabled, Boolean adminEventsDetailsEnabled, Long expirationSeconds) {

  public static EventsConfigDto from(EventsConfig c) {
    return new EventsConfigDto(c.eventsEnabled(), c.adminEventsEnabled(), c.adminEventsDetailsEnabled(), c.expirationSeconds());
  }

  public EventsConfig toConfig() {
    return new EventsConfig(eventsEnabled, adminEventsEnabled, adminEventsDetailsEnabled, expirationSeconds);
  }
}
