package org.tessera.identity.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tessera.identity.application.RealmSettingsService;
import org.tessera.identity.domain.EventsConfig;
import org.tessera.identity.domain.InvalidRealmSettingsException;
import org.tessera.identity.domain.RealmSettings;
import org.tessera.identity.domain.RealmTimeout;
import org.tessera.identity.domain.Roles;
import org.tessera.identity.domain.UserProfile;
import org.tessera.shared.domain.DomainException;

/**
 * Backing bean of {@code admin/sign-in.xhtml}: the seed's session and token timeouts (entered in
 * seconds, shown with their current values), single-use refresh tokens, self-registration, and
 * whether Keycloak stores login and admin events.
 */
@Named
@RequestScoped
public class RealmSettingsView {

  @EJB RealmSettingsService realm;
  @Inject CurrentUser currentUser;

  private RealmSettings current;
  private EventsConfig events;
  /** The form's values by Keycloak field name, as typed (text, so that a typo gets our message, not a converter's). */
  private final Map<String, String> values = new LinkedHashMap<>();
  private Boolean revokeRefreshToken;
  private Boolean registrationAllowed;
  private Boolean eventsEnabled;
  private Boolean adminEventsEnabled;
  private String expirationDays;

  public boolean isAdmin() {
    return currentUser.profile().map(u -> u.hasRole(Roles.ADMIN)).orElse(false);
  }

  public List<RealmTimeout> getTimeouts() {
    return Arrays.asList(RealmTimeout.values());
  }

  public RealmSettings getCurrent() {
    if (current == null && isAdmin()) {
      current = realm.settings();
    }
    return current;
  }

  public EventsConfig getEvents() {
    if (events == null && isAdmin()) {
      events = realm.eventsConfig();
    }
    return events;
  }

  /** The form's text for each timeout, pre-filled with the current values. */
  public Map<String, String> getValues() {
    if (values.isEmpty() && getCurrent() != null) {
      for (RealmTimeout t : RealmTimeout.values()) {
        Integer v = current.timeout(t);
        values.put(t.key(), v == null ? "" : v.toString());
      }
    }
    return values;
  }

  public void save() {
    Map<RealmTimeout, Integer> timeouts = new EnumMap<>(RealmTimeout.class);
    List<InvalidRealmSettingsException.FieldProblem> problems = new java.util.ArrayList<>();
    values.forEach((key, text) -> RealmTimeout.byKey(key).ifPresent(t -> {
      if (text != null && !text.isBlank()) {
        try {
          timeouts.put(t, Integer.valueOf(text.strip()));
        } catch (NumberFormatException e) {
          problems.add(new InvalidRealmSettingsException.FieldProblem(key, t.label() + ": '" + text + "' is not a whole number of seconds."));
        }
      }
    }));
    try {
      if (!problems.isEmpty()) {
        throw new InvalidRealmSettingsException(problems);
      }
      realm.update(new RealmSettings(timeouts, revokeRefreshToken, registrationAllowed), actor());
      info("Sign-in settings saved.");
      current = null;
      values.clear();
    } catch (InvalidRealmSettingsException e) {
      e.problems().forEach(p -> error(p.message()));
    } catch (DomainException e) {
      error(e.getMessage());
    }
  }

  public void saveEvents() {
    try {
      Long expiration = null;
      if (expirationDays != null && !expirationDays.isBlank()) {
        try {
          expiration = Long.parseLong(expirationDays.strip()) * 24 * 3600;
        } catch (NumberFormatException e) {
          throw new org.tessera.identity.domain.InvalidUserRequestException("expirationSeconds", "Keep events for a whole number of days (0 keeps them forever).");
        }
      }
      realm.updateEventsConfig(new EventsConfig(eventsEnabled, adminEventsEnabled, null, expiration), actor());
      info("Event settings saved.");
      events = null;
    } catch (DomainException e) {
      error(e.getMessage());
    }
  }

  private String actor() {
    return currentUser.signedIn().map(UserProfile::username).orElse("unknown");
  }

  private static void info(String text) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
  }

  private static void error(String text) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
  }

  public Boolean getRevokeRefreshToken() {
    return revokeRefreshToken == null && getCurrent() != null ? current.revokeRefreshToken() : revokeRefreshToken;
  }

  public void setRevokeRefreshToken(Boolean v) {
    revokeRefreshToken = v;
  }

  public Boolean getRegistrationAllowed() {
    return registrationAllowed == null && getCurrent() != null ? current.registrationAllowed() : registrationAllowed;
  }

  public void setRegistrationAllowed(Boolean v) {
    registrationAllowed = v;
  }

  public Boolean getEventsEnabled() {
    return eventsEnabled == null && getEvents() != null ? events.eventsEnabled() : eventsEnabled;
  }

  public void setEventsEnabled(Boolean v) {
    eventsEnabled = v;
  }

  public Boolean getAdminEventsEnabled() {
    return adminEventsEnabled == null && getEvents() != null ? events.adminEventsEnabled() : adminEventsEnabled;
  }

  public void setAdminEventsEnabled(Boolean v) {
    adminEventsEnabled = v;
  }

  public String getExpirationDays() {
    if (expirationDays == null && getEvents() != null) {
      expirationDays = events.expirationSeconds() == null ? "0" : Long.toString(events.expirationSeconds() / (24 * 3600));
    }
    return expirationDays;
  }

  public void setExpirationDays(String v) {
    expirationDays = v;
  }
}
