package org.tessera.shared.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.tessera.identity.domain.UserProfile;
import org.tessera.identity.web.CurrentUser;
import org.tessera.projects.application.ProjectService;
import org.tessera.sessions.application.SessionService;
import org.tessera.shared.domain.DomainException;

/** Backing bean of {@code admin/settings.xhtml}: the run-time platform settings. */
@Named
@RequestScoped
public class AdminSettingsView {

  @EJB ProjectService projects;
  @EJB SessionService sessions;
  @Inject CurrentUser currentUser;

  private Integer maxFileMegabytes;
  private Integer idleMinutes;

  private UserProfile user() {
    return currentUser.profile().orElseThrow();
  }

  public String save() {
    try {
      projects.setMaxFileMegabytes(user(), maxFileMegabytes == null ? 0 : maxFileMegabytes);
      sessions.setIdleMinutes(user(), idleMinutes == null ? -1 : idleMinutes);
      FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Settings saved.", null));
    } catch (DomainException | jakarta.ejb.EJBAccessException e) {
      FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
    }
    return null;
  }

  public Integer getMaxFileMegabytes() {
    if (maxFileMegabytes == null) {
      maxFileMegabytes = (int) (projects.maxFileBytes() / (1024 * 1024));
    }
    return maxFileMegabytes;
  }

  public void setMaxFileMegabytes(Integer maxFileMegabytes) {
    this.maxFileMegabytes = maxFileMegabytes;
  }

  public Integer getIdleMinutes() {
    if (idleMinutes == null) {
      idleMinutes = sessions.idleMinutes();
    }
    return idleMinutes;
  }

  public void setIdleMinutes(Integer idleMinutes) {
    this.idleMinutes = idleMinutes;
  }
}
