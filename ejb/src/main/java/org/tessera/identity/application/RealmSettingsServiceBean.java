package org.tessera.identity.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.tessera.audit.application.AuditRecord;
import org.tessera.audit.application.AuditService;
import org.tessera.audit.domain.AuditEvent.Outcome;
import org.tessera.identity.domain.AdminEvent;
import org.tessera.identity.domain.EventPage;
import org.tessera.identity.domain.EventQuery;
import org.tessera.identity.domain.EventsConfig;
import org.tessera.identity.domain.RealmAdministration;
import org.tessera.identity.domain.RealmEvent;
import org.tessera.identity.domain.RealmSettings;
import org.tessera.identity.domain.Roles;

/** Realm settings and events through the {@link RealmAdministration} (Keycloak), audited. */
@Stateless
@Local(RealmSettingsService.class)
@RolesAllowed(Roles.ADMIN)
public class RealmSettingsServiceBean implements RealmSettingsService {

  @Inject RealmAdministration realm;
  @EJB AuditService audit;

  @Override
  public RealmSettings settings() {
    return realm.settings();
  }

  @Override
  public RealmSettings update(RealmSettings change, String actor) {
    RealmSettings before = realm.settings();
    RealmSettings after = (change == null ? new RealmSettings(null, null, null) : change).applyTo(before);
    realm.save(after);
    audit.record(new AuditRecord(actor, "identity.realm-settings-changed", "realm", null, Outcome.SUCCESS, after.changesFrom(before)));
    return realm.settings();
  }

  @Override
  public EventPage<RealmEvent> events(EventQuery query) {
    return realm.events(query);
  }

  @Override
  public EventPage<AdminEvent> adminEvents(EventQuery query) {
    return realm.adminEvents(query);
  }

  @Override
  public EventsConfig eventsConfig() {
    return realm.eventsConfig();
  }

  @Override
  public EventsConfig updateEventsConfig(EventsConfig change, String actor) {
    EventsConfig before = realm.eventsConfig();
    EventsConfig after = (change == null ? new EventsConfig(null, null, null, null) : change).applyTo(before);
    realm.save(after);
    audit.record(new AuditRecord(actor, "identity.events-config-changed", "realm", null, Outcome.SUCCESS,
        "eventsEnabled=" + after.eventsEnabled() + " adminEventsEnabled=" + after.adminEventsEnabled() + " adminEventsDetailsEnabled=" + after.adminEventsDetailsEnabled()
            + " expirationSeconds=" + after.expirationSeconds()));
    return realm.eventsConfig();
  }
}
