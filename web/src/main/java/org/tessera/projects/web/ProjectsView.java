package org.tessera.projects.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.List;
import org.tessera.identity.domain.UserProfile;
import org.tessera.identity.web.CurrentUser;
import org.tessera.projects.application.ProjectService;
import org.tessera.projects.domain.Project;
import org.tessera.projects.domain.ProjectTemplate;
import org.tessera.shared.domain.DomainException;
import org.tessera.shared.web.PlatformSettings;

/** Backing bean of {@code projects.xhtml}: the user's projects and the form to create one. */
@Named
@RequestScoped
public class ProjectsView {

  @EJB ProjectService projects;
  @Inject CurrentUser currentUser;

  private String name;
  private String template = ProjectTemplate.PYTHON_NOTEBOOK.key();
  private String description;
  private List<Project> list;

  private UserProfile user() {
    return currentUser.profile().orElseThrow();
  }

  public List<Project> getProjects() {
    if (list == null) {
      list = projects.list(user());
    }
    return list;
  }

  public List<ProjectTemplate> getTemplates() {
    return ProjectTemplate.selectableValues();
  }

  public String gitUrl(Project project) {
    return PlatformSettings.publicUrl() + "/git/" + project.owner() + "/" + project.name() + ".git";
  }

  /** Creates the project and opens its page; on refusal stays here with the reason. */
  public String create() {
    try {
      Project project = projects.create(user(), name, template, description);
      return "project.xhtml?faces-redirect=true&id=" + project.id().value();
    } catch (DomainException e) {
      FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
      return null;
    }
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getTemplate() {
    return template;
  }

  public void setTemplate(String template) {
    this.template = template;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }
}
