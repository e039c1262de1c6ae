package org.tessera.channels.domain;

import jakarta.ejb.ApplicationException;
import org.tessera.shared.domain.DomainException;

/** The caller may read the channel but not do this to it. */
@ApplicationException(rollback = true)
public class ChannelAccessDeniedException extends DomainException {

  public ChannelAccessDeniedException(String message) {
    super(message);
  }
}
