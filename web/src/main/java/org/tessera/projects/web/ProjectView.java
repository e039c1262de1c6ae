package org.tessera.projects.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.tessera.identity.domain.UserProfile;
import org.tessera.identity.web.CurrentUser;
import org.tessera.projects.application.ProjectService;
import org.tessera.projects.domain.InvalidProjectSpecException;
import org.tessera.projects.domain.Project;
import org.tessera.projects.domain.ProjectSpec;
import org.tessera.projects.domain.ProjectSpecProblem;
import org.tessera.shared.web.PlatformSettings;

/**
 * Backing bean of {@code project.xhtml}: one project with what its anaconda-project.yml declares,
 * or the file's problems when it cannot be read.
 */
@Named
@RequestScoped
public class ProjectView {

  @EJB ProjectService projects;
  @Inject CurrentUser currentUser;

  private String id;
  private Project project;
  private ProjectSpec spec;
  private List<ProjectSpecProblem> problems = List.of();

  private UserProfile user() {
    return currentUser.profile().orElseThrow();
  }

  /** Loads the project named by the view parameter; called once per request. */
  public void load() {
    project = projects.get(user(), id);
    try {
      spec = projects.spec(user(), id);
    } catch (InvalidProjectSpecException e) {
      problems = e.problems();
    }
  }

  public Project getProject() {
    return project;
  }

  public ProjectSpec getSpec() {
    return spec;
  }

  public List<ProjectSpec.Command> getCommands() {
    return spec == null ? List.of() : List.copyOf(spec.commands().values());
  }

  public List<ProjectSpec.Variable> getVariables() {
    return spec == null ? List.of() : List.copyOf(spec.variables().values());
  }

  public List<ProjectSpecProblem> getProblems() {
    return problems;
  }

  public String getGitUrl() {
    return PlatformSettings.publicUrl() + "/git/" + project.owner() + "/" + project.name() + ".git";
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }
}
