package org.tessera.identity.domain;

import jakarta.ejb.ApplicationException;
import org.tessera.shared.domain.DomainException;

/** Another directory already has the name. */
@ApplicationException(rollback = true)
public class DirectoryAlreadyExistsException extends DomainException {

  public DirectoryAlreadyExistsException(String name) {
    super("A directory named '" + name + "' exists already: choose another name, or edit that one with PUT /api/v1/admin/directories/{id}.");
  }
}
