package org.tessera.projects.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.tessera.identity.web.CurrentUser;
import org.tessera.projects.application.ProjectService;
import org.tessera.projects.domain.Project;

/** Backing bean of {@code commit.xhtml}: one commit's changes as a unified diff. */
@Named
@RequestScoped
public class CommitView {

  @EJB ProjectService projects;
  @Inject CurrentUser currentUser;

  private String id;
  private String commit;
  private Project project;
  private String diff;

  public void load() {
    var user = currentUser.profile().orElseThrow();
    project = projects.get(user, id == null ? "" : id);
    diff = projects.diff(user, id, commit);
  }

  public Project getProject() {
    return project;
  }

  public String getDiff() {
    return diff;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getCommit() {
    return commit;
  }

  public void setCommit(String commit) {
    this.commit = commit;
  }
}
