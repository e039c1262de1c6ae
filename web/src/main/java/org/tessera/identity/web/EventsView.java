package org.tessera.identity.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.tessera.identity.application.RealmSettingsService;
import org.tessera.identity.domain.AdminEvent;
import org.tessera.identity.domain.EventPage;
import org.tessera.identity.domain.EventQuery;
import org.tessera.identity.domain.RealmEvent;
import org.tessera.identity.domain.Roles;
import org.tessera.shared.domain.DomainException;

/**
 * Backing bean of {@code admin/events.xhtml}: Keycloak's login events ({@code kind=login}) or admin
 * events ({@code kind=admin}) with the seed's filters as view parameters: event type or operation,
 * user, client, resource type and path, a date range, and 5, 10, 50 or 100 per page.
 */
@Named
@RequestScoped
public class EventsView {

  @EJB RealmSettingsService realm;
  @Inject CurrentUser currentUser;

  private String kind = "login";
  private String type;
  private String user;
  private String client;
  private String resourceType;
  private String resourcePath;
  private String from;
  private String to;
  private int page;
  private int size = 10;
  private EventPage<RealmEvent> logins;
  private EventPage<AdminEvent> admins;

  public boolean isAdmin() {
    return currentUser.profile().map(u -> u.hasRole(Roles.ADMIN)).orElse(false);
  }

  public boolean isAdminEvents() {
    return "admin".equals(kind);
  }

  public List<Integer> getSizes() {
    return List.of(5, 10, 50, 100);
  }

  private EventQuery query() {
    List<String> types = type == null ? List.of() : List.of(type.split(","));
    return new EventQuery(types, user, client, resourceType, resourcePath, EventQuery.date("from", from), EventQuery.date("to", to), Math.max(page, 0), size);
  }

  public EventPage<RealmEvent> getLogins() {
    if (logins == null) {
      logins = new EventPage<>(List.of(), page, size, false);
      if (isAdmin() && !isAdminEvents()) {
        try {
          logins = realm.events(query());
        } catch (DomainException e) {
          error(e.getMessage());
        }
      }
    }
    return logins;
  }

  public EventPage<AdminEvent> getAdmins() {
    if (admins == null) {
      admins = new EventPage<>(List.of(), page, size, false);
      if (isAdmin() && isAdminEvents()) {
        try {
          admins = realm.adminEvents(query());
        } catch (DomainException e) {
          error(e.getMessage());
        }
      }
    }
    return admins;
  }

  /** Reads the page before rendering (view action), so that a refused filter shows in the messages above the table. */
  public void load() {
    if (isAdminEvents()) {
      getAdmins();
    } else {
      getLogins();
    }
  }

  public boolean isHasNext() {
    return isAdminEvents() ? getAdmins().more() : getLogins().more();
  }

  private static void error(String text) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
  }

  public String getKind() { return kind; }
  public void setKind(String v) { kind = "admin".equals(v) ? "admin" : "login"; }
  public String getType() { return type; }
  public void setType(String v) { type = v; }
  public String getUser() { return user; }
  public void setUser(String v) { user = v; }
  public String getClient() { return client; }
  public void setClient(String v) { client = v; }
  public String getResourceType() { return resourceType; }
  public void setResourceType(String v) { resourceType = v; }
  public String getResourcePath() { return resourcePath; }
  public void setResourcePath(String v) { resourcePath = v; }
  public String getFrom() { return from; }
  public void setFrom(String v) { from = v; }
  public String getTo() { return to; }
  public void setTo(String v) { to = v; }
  public int getPage() { return page; }
  public void setPage(int v) { page = v; }
  public int getSize() { return size; }
  public void setSize(int v) { size = v; }
}
