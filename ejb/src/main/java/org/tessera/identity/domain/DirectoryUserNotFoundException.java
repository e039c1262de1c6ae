package org.tessera.identity.domain;

import jakarta.ejb.ApplicationException;
import org.tessera.shared.domain.DomainException;

/** A preview asked for a user the directory does not have. */
@ApplicationException(rollback = true)
public class DirectoryUserNotFoundException extends DomainException {

  public DirectoryUserNotFoundException(String message) {
    super(message);
  }
}
