package org.tessera.projects.domain;

import jakarta.ejb.ApplicationException;
import org.tessera.shared.domain.DomainException;

/** A project name outside the rules, with the rules in the message. */
@ApplicationException(rollback = true)
public class InvalidProjectNameException extends DomainException {

  public InvalidProjectNameException(String message) {
    super(message);
  }
}
