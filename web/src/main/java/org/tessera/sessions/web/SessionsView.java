package org.tessera.sessions.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.tessera.identity.domain.Roles;
import org.tessera.identity.domain.UserProfile;
import org.tessera.identity.web.CurrentUser;
import org.tessera.sessions.application.SessionService;
import org.tessera.sessions.application.SessionView;
import org.tessera.shared.domain.DomainException;

/** Backing bean of {@code sessions.xhtml}: the user's sessions (administrators: everyone's). */
@Named
@RequestScoped
public class SessionsView {

  @EJB SessionService sessions;
  @Inject CurrentUser currentUser;

  private boolean all;
  private List<SessionView> list;

  private UserProfile user() {
    return currentUser.profile().orElseThrow();
  }

  public List<SessionView> getSessions() {
    if (list == null) {
      list = sessions.list(user(), all);
    }
    return list;
  }

  public boolean isAdmin() {
    return user().hasRole(Roles.ADMIN);
  }

  public String stop(String id) {
    try {
      sessions.stop(user(), id);
      list = null;
      FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Session " + id + " stopped.", null));
    } catch (DomainException e) {
      FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
    }
    return null;
  }

  public String age(SessionView view) {
    long minutes = java.time.Duration.between(view.session().createdAt().toInstant(), java.time.Instant.now()).toMinutes();
    return minutes < 60 ? minutes + " min" : (minutes / 60) + " h " + (minutes % 60) + " min";
  }

  public boolean isAll() {
    return all;
  }

  public void setAll(boolean all) {
    this.all = all;
  }
}
