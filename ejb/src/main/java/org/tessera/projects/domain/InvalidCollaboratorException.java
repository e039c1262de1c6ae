package org.tessera.projects.domain;

import org.tessera.shared.domain.DomainException;

/** A share request that cannot be applied as given. */
public class InvalidCollaboratorException extends DomainException {

  public InvalidCollaboratorException(String message) {
    super(message);
  }
}
