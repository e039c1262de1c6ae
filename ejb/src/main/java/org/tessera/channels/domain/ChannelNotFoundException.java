package org.tessera.channels.domain;

import jakarta.ejb.ApplicationException;
import org.tessera.shared.domain.DomainException;

/** There is no such channel, or it is private and not shared with the caller. */
@ApplicationException(rollback = true)
public class ChannelNotFoundException extends DomainException {

  public ChannelNotFoundException(String message) {
    super(message);
  }
}
