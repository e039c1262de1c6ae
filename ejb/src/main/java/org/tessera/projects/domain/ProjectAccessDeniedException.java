package org.tessera.projects.domain;

import org.tessera.shared.domain.DomainException;

/** The caller sees the project but lacks the access an action needs. */
public class ProjectAccessDeniedException extends DomainException {

  public ProjectAccessDeniedException(Project project, ProjectAccess needed) {
    super(switch (needed) {
      case WRITE -> "You may read " + project.owner() + "/" + project.name() + " but not change it; ask its owner to share it with write access.";
      case MANAGE -> "Only the owner of " + project.owner() + "/" + project.name() + " (" + project.owner() + ") or an administrator may do this.";
      case READ -> "You may not read " + project.owner() + "/" + project.name() + ".";
    });
  }
}
