package org.tessera.identity.application;

import org.tessera.identity.domain.AdminEvent;
import org.tessera.identity.domain.EventPage;
import org.tessera.identity.domain.EventQuery;
import org.tessera.identity.domain.EventsConfig;
import org.tessera.identity.domain.RealmEvent;
import org.tessera.identity.domain.RealmSettings;

/**
 * The realm's session and token timeouts, self-registration, and its login and admin events, for
 * administrators (role {@code ae-admin}). Changes are checked as a whole and audited.
 */
public interface RealmSettingsService {

  RealmSettings settings();

  /** Applies the non-null values of {@code change}; returns the settings as saved. */
  RealmSettings update(RealmSettings change, String actor);

  EventPage<RealmEvent> events(EventQuery query);

  EventPage<AdminEvent> adminEvents(EventQuery query);

  EventsConfig eventsConfig();

  EventsConfig updateEventsConfig(EventsConfig change, String actor);
}
