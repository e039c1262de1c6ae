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

  /** Restarts the editor on the same checkout (owner or administrator). */
  public String restart(String id) {
    try {
      sessions.restart(user(), id);
      list = null;
      FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Session " + id + " restarted.", null));
    } catch (DomainException e) {
      FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
    }
    return null;
  }

  /** CPU in cores, or "not reported" (the reason is in the cell's title). */
  public String cpu(SessionView view) {
    return cpuOf(view);
  }

  /** Memory in MiB, or "not reported". */
  public String memory(SessionView view) {
    return memoryOf(view);
  }

  /** "enforced" or "advisory". */
  public String limits(SessionView view) {
    return view.usage() == null ? "" : view.usage().limits().name().toLowerCase(java.util.Locale.ROOT);
  }

  static String cpuOf(SessionView view) {
    return view.usage() == null || view.usage().cpuCores() == null ? "not reported" : String.format(java.util.Locale.ROOT, "%.2f cores", view.usage().cpuCores());
  }

  static String memoryOf(SessionView view) {
    return view.usage() == null || view.usage().memoryBytes() == null ? "not reported" : String.format(java.util.Locale.ROOT, "%.0f MiB", view.usage().memoryBytes() / 1048576.0);
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
