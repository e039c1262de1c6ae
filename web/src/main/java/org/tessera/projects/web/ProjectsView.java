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

  private jakarta.servlet.http.Part archive;

  /** Creates the project from the uploaded archive (streamed to disk) and opens its page. */
  public String upload() {
    if (archive == null || archive.getSize() == 0) {
      FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Choose a .tar.gz, .tar.bz2 or .zip file to upload.", null));
      return null;
    }
    java.nio.file.Path received = null;
    try {
      projects.checkCreate(user(), name);
      received = org.tessera.projects.rest.Uploads.receive(archive.getInputStream());
      Project project = projects.createFromArchive(user(), name, description, received, archive.getSubmittedFileName());
      return "project.xhtml?faces-redirect=true&id=" + project.id().value();
    } catch (DomainException e) {
      FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
      return null;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } finally {
      try {
        if (received != null) {
          java.nio.file.Files.deleteIfExists(received);
        }
        archive.delete();
      } catch (java.io.IOException ignored) {
        // a temporary file the container also cleans up
      }
    }
  }

  public jakarta.servlet.http.Part getArchive() {
    return archive;
  }

  public void setArchive(jakarta.servlet.http.Part archive) {
    this.archive = archive;
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
