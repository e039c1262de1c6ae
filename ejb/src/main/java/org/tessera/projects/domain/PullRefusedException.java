package org.tessera.projects.domain;

import jakarta.ejb.ApplicationException;
import org.tessera.shared.domain.DomainException;

/** Pulling from the external repository cannot fast-forward the project; the message says what to do. */
@ApplicationException(rollback = true)
public class PullRefusedException extends DomainException {

  public PullRefusedException(String message) {
    super(message);
  }
}
