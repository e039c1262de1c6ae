package org.tessera.channels.domain;

import jakarta.ejb.ApplicationException;
import org.tessera.shared.domain.DomainException;

/** The mirror run has finished; there is nothing to cancel. */
@ApplicationException(rollback = true)
public class MirrorFinishedException extends DomainException {

  public MirrorFinishedException(String message) {
    super(message);
  }
}
