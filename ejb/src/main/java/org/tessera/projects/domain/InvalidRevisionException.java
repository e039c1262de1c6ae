package org.tessera.projects.domain;

import org.tessera.shared.domain.DomainException;

/** A revision, tag name, path or format that does not name anything in the project. */
public class InvalidRevisionException extends DomainException {

  public InvalidRevisionException(String message) {
    super(message);
  }
}
