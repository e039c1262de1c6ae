package org.tessera.projects.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;
import org.tessera.identity.domain.UserProfile;
import org.tessera.identity.web.CurrentUser;
import org.tessera.projects.application.ExternalGitCredentialSummary;
import org.tessera.projects.application.ExternalGitService;
import org.tessera.shared.domain.DomainException;

/** The "External git credentials" part of {@code tokens.xhtml}: the user's own token for the external git service. */
@Named
@RequestScoped
public class ExternalGitCredentialView {

  @EJB ExternalGitService externalGit;
  @Inject CurrentUser currentUser;

  private String username;
  private String token;
  private Optional<ExternalGitCredentialSummary> current;

  private UserProfile user() {
    return currentUser.profile().orElseThrow();
  }

  public ExternalGitCredentialSummary getCurrent() {
    if (current == null) {
      current = externalGit.credential(user());
    }
    return current.orElse(null);
  }

  public String getDescription() {
    ExternalGitCredentialSummary set = getCurrent();
    return set == null ? "No external git credentials yet: your projects are not mirrored to the external git service."
        : "Set for git user " + set.gitUsername() + ", changed " + set.updatedAt().toInstant() + ".";
  }

  public void save() {
    try {
      externalGit.setCredential(user(), username, token);
      current = null;
      token = null;
      message(FacesMessage.SEVERITY_INFO, "External git credentials saved; your projects are pushed and pulled with them from now on.");
    } catch (DomainException e) {
      message(FacesMessage.SEVERITY_ERROR, e.getMessage());
    }
  }

  public void remove() {
    externalGit.removeCredential(user());
    current = null;
    message(FacesMessage.SEVERITY_INFO, "External git credentials removed; your projects are not mirrored until you add new ones.");
  }

  private static void message(FacesMessage.Severity severity, String text) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
  }

  public String getUsername() {
    if (username == null && getCurrent() != null) {
      username = getCurrent().gitUsername();
    }
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getToken() {
    return token;
  }

  public void setToken(String token) {
    this.token = token;
  }
}
