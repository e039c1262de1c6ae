package org.tessera.sessions.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tessera.identity.domain.UserProfile;
import org.tessera.identity.web.CurrentUser;
import org.tessera.projects.domain.ConflictResolution;
import org.tessera.projects.domain.SyncReport;
import org.tessera.sessions.application.SessionService;
import org.tessera.shared.domain.DomainException;

/**
 * Backing bean of {@code session.xhtml}: the editor in a frame under Tessera's toolbar (commit,
 * fetch with the seed's conflict choices, stop), and the start-up log while it starts.
 */
@Named("sessionPage")
@RequestScoped
public class SessionView {

  @EJB SessionService sessions;
  @Inject CurrentUser currentUser;

  private String id;
  private org.tessera.sessions.application.SessionView session;
  private String message;
  private String tag;
  private List<String> conflicts = List.of();
  private String conflictKind;

  private UserProfile user() {
    return currentUser.profile().orElseThrow();
  }

  /** Loads the session; also while a postback is decoded, before the view parameter is set. */
  public void load() {
    if (session != null) {
      return;
    }
    if (id == null) {
      id = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("id");
    }
    session = sessions.get(user(), id == null ? "" : id);
  }

  public org.tessera.sessions.application.SessionView getSession() {
    load();
    return session;
  }

  public String getStatus() {
    load();
    return session.phase().name().toLowerCase(Locale.ROOT);
  }

  public List<String> getLogs() {
    load();
    return sessions.logs(user(), id, 40);
  }

  public List<String> getChanges() {
    try {
      return new ArrayList<>(sessions.changes(user(), id));
    } catch (DomainException e) {
      return List.of();
    }
  }

  public String commit() {
    return sync(() -> sessions.commit(user(), id, message, null, false, tag), "commit");
  }

  public String commitProceed() {
    return sync(() -> sessions.commit(user(), id, message, null, true, tag), "commit");
  }

  public String fetch() {
    return sync(() -> sessions.fetch(user(), id, null), "fetch");
  }

  public String fetchWith(String resolution) {
    return sync(() -> sessions.fetch(user(), id, ConflictResolution.valueOf(resolution)), "fetch");
  }

  private String sync(java.util.function.Supplier<SyncReport> action, String kind) {
    try {
      SyncReport report = action.get();
      if (!report.applied()) {
        conflicts = report.conflicts();
        conflictKind = kind;
        return null;
      }
      String done = report.commitId() != null ? "Committed " + report.commitId().substring(0, 10) + "." : "Fetched: " + report.updated().size() + " files updated"
          + (report.keptBoth().isEmpty() ? "." : "; kept both for " + String.join(", ", report.keptBoth()) + ".");
      FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, done, null));
      message = null;
      tag = null;
    } catch (DomainException e) {
      FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
    }
    return null;
  }

  public String restart() {
    try {
      sessions.restart(user(), id);
      return "session.xhtml?faces-redirect=true&id=" + id;
    } catch (DomainException e) {
      FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
      return null;
    }
  }

  public String getCpu() {
    load();
    return SessionsView.cpuOf(session);
  }

  public String getMemory() {
    load();
    return SessionsView.memoryOf(session);
  }

  public String stop() {
    try {
      sessions.stop(user(), id);
      return "sessions.xhtml?faces-redirect=true";
    } catch (DomainException e) {
      FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
      return null;
    }
  }

  /** A warning when the session will soon be stopped for inactivity, else null. */
  public String getIdleWarning() {
    int minutes = sessions.idleMinutes();
    if (minutes == 0 || !"running".equals(getStatus())) {
      return null;
    }
    return sessions.lastActivity(user(), id).map(last -> {
      long left = java.time.Duration.between(java.time.Instant.now(), last.plus(java.time.Duration.ofMinutes(minutes))).toMinutes();
      return left <= Math.max(5, minutes / 4)
          ? "This session has been idle and will be stopped in about " + Math.max(0, left) + " minutes; commit your work or keep working to keep it."
          : null;
    }).orElse(null);
  }

  public int getIdleMinutes() {
    return sessions.idleMinutes();
  }

  public List<String> getConflicts() {
    return conflicts;
  }

  public String getConflictKind() {
    return conflictKind;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public String getTag() {
    return tag;
  }

  public void setTag(String tag) {
    this.tag = tag;
  }
}
