package org.tessera.projects.web;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.tessera.identity.domain.Roles;
import org.tessera.identity.domain.UserProfile;
import org.tessera.identity.web.CurrentUser;
import org.tessera.projects.application.ExternalGitService;
import org.tessera.projects.domain.ExternalGitRequest;
import org.tessera.projects.domain.InvalidExternalGitSettingsException;
import org.tessera.projects.domain.MigrationResult;
import org.tessera.projects.domain.RepositoryTemplate;
import org.tessera.shared.domain.DomainException;

/**
 * Backing bean of {@code admin/external-git.xhtml}: the external git setting as a form (the token
 * field always starts empty and an empty one keeps the stored token), and Migrate now with its
 * report. The service enforces {@code ae-admin}.
 */
@Named
@ViewScoped
public class ExternalGitView implements Serializable {

  @EJB ExternalGitService externalGit;
  @Inject CurrentUser currentUser;

  private String type = "generic";
  private String url;
  private String credentialUrl;
  private String repository = RepositoryTemplate.DEFAULT;
  private String organization;
  private String username;
  private String authToken;
  private boolean enabled = true;
  private boolean configured;
  private boolean tokenSet;
  private List<MigrationResult> report;

  @PostConstruct
  void load() {
    if (!isAdmin()) {
      return;
    }
    externalGit.settings(user()).ifPresentOrElse(s -> {
      configured = true;
      type = s.type().key();
      url = s.url();
      credentialUrl = s.credentialUrl();
      repository = s.repository();
      organization = s.organization();
      username = s.username();
      enabled = s.enabled();
      tokenSet = s.encryptedToken() != null;
    }, () -> configured = false);
    authToken = null;
  }

  private UserProfile user() {
    return currentUser.profile().orElseThrow();
  }

  public boolean isAdmin() {
    return currentUser.profile().map(u -> u.hasRole(Roles.ADMIN)).orElse(false);
  }

  public void save() {
    try {
      externalGit.save(user(), new ExternalGitRequest(type, url, credentialUrl, repository, organization, username, authToken, enabled));
      message(FacesMessage.SEVERITY_INFO, "Saved. New pushes are mirrored" + (enabled ? "" : " once enabled") + "; migrate existing projects with Migrate now.");
      load();
    } catch (InvalidExternalGitSettingsException e) {
      e.errors().forEach((field, text) -> message(FacesMessage.SEVERITY_ERROR, field + ": " + text));
    }
  }

  public void remove() {
    externalGit.remove(user());
    message(FacesMessage.SEVERITY_INFO, "External git is switched off and its setting and token are forgotten.");
    type = "generic";
    url = credentialUrl = organization = username = null;
    repository = RepositoryTemplate.DEFAULT;
    load();
  }

  public void migrate() {
    try {
      report = externalGit.migrate(user());
      long failed = report.stream().filter(r -> r.status() == MigrationResult.Status.FAILED).count();
      message(failed == 0 ? FacesMessage.SEVERITY_INFO : FacesMessage.SEVERITY_ERROR,
          "Migrated " + (report.size() - failed) + " of " + report.size() + " projects." + (failed == 0 ? "" : " Fix the errors below and migrate again; migrated projects are only brought up to date."));
    } catch (DomainException e) {
      message(FacesMessage.SEVERITY_ERROR, e.getMessage());
    }
  }

  private static void message(FacesMessage.Severity severity, String text) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
  }

  public List<MigrationResult> getReport() {
    return report;
  }

  public List<String> getTypes() {
    return List.of("generic", "github-v3-api", "gitlab-v4-api");
  }

  public boolean isConfigured() {
    return configured;
  }

  public boolean isTokenSet() {
    return tokenSet;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public String getCredentialUrl() {
    return credentialUrl;
  }

  public void setCredentialUrl(String credentialUrl) {
    this.credentialUrl = credentialUrl;
  }

  public String getRepository() {
    return repository;
  }

  public void setRepository(String repository) {
    this.repository = repository;
  }

  public String getOrganization() {
    return organization;
  }

  public void setOrganization(String organization) {
    this.organization = organization;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getAuthToken() {
    return authToken;
  }

  public void setAuthToken(String authToken) {
    this.authToken = authToken;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }
}
