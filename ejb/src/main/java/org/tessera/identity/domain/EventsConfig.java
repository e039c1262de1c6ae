package org.tessera.identity.domain;

/**
 * Whether Keycloak stores login events and admin events (with their representations), and how
 * long it keeps them ({@code expirationSeconds}, null keeps them forever). As a change, null
 * values keep the current ones.
 */
public record EventsConfig(Boolean eventsEnabled, Boolean adminEventsEnabled, Boolean adminEventsDetailsEnabled, Long expirationSeconds)
    implements java.io.Serializable {

  /** This change over {@code current}, checked. */
  public EventsConfig applyTo(EventsConfig current) {
    if (eventsEnabled == null && adminEventsEnabled == null && adminEventsDetailsEnabled == null && expirationSeconds == null) {
      throw new InvalidUserRequestException("eventsEnabled", "Send at least one setting, e.g. {\"eventsEnabled\": true, \"adminEventsEnabled\": true}.");
    }
    if (expirationSeconds != null && expirationSeconds < 0) {
      throw new InvalidUserRequestException("expirationSeconds", "The expiration must be 0 (keep events forever) or a number of seconds, e.g. 2592000 for 30 days.");
    }
    return new EventsConfig(
        eventsEnabled == null ? current.eventsEnabled() : eventsEnabled,
        adminEventsEnabled == null ? current.adminEventsEnabled() : adminEventsEnabled,
        adminEventsDetailsEnabled == null ? current.adminEventsDetailsEnabled() : adminEventsDetailsEnabled,
        expirationSeconds == null ? current.expirationSeconds() : expirationSeconds == 0 ? null : expirationSeconds);
  }
}
