package org.tessera.projects.domain;

import jakarta.ejb.ApplicationException;
import org.tessera.shared.domain.DomainException;

/** The external git service could not be reached or refused the request; the message says what to check. */
@ApplicationException(rollback = true)
public class ExternalGitFailedException extends DomainException {

  public ExternalGitFailedException(String message) {
    super(message);
  }
}
