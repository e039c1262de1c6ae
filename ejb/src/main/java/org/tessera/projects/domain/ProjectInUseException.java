package org.tessera.projects.domain;

import java.util.List;
import org.tessera.shared.domain.DomainException;

/** Deleting a project that sessions, deployments or jobs still use. */
public class ProjectInUseException extends DomainException {

  private final List<String> blockers;

  public ProjectInUseException(Project project, List<String> blockers) {
    super(project.owner() + "/" + project.name() + " is in use by: " + String.join("; ", blockers) + ". Stop them first, then delete the project.");
    this.blockers = List.copyOf(blockers);
  }

  public List<String> blockers() {
    return blockers;
  }
}
