package org.tessera.channels.domain;

import jakarta.ejb.ApplicationException;
import org.tessera.shared.domain.DomainException;

/** There is no such mirror run, or it is not the caller's. */
@ApplicationException(rollback = true)
public class MirrorRunNotFoundException extends DomainException {

  public MirrorRunNotFoundException(String message) {
    super(message);
  }
}
