package org.tessera.projects.domain;

import jakarta.ejb.ApplicationException;
import org.tessera.shared.domain.DomainException;

/** The owner already has a project of that name. */
@ApplicationException(rollback = true)
public class ProjectAlreadyExistsException extends DomainException {

  public ProjectAlreadyExistsException(String owner, ProjectName name) {
    super(owner + " already has a project named '" + name + "'; choose another name.");
  }
}
