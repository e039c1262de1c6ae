package org.tessera.channels.domain;

import jakarta.ejb.ApplicationException;
import org.tessera.shared.domain.DomainException;

/** The channel is not shared with that user or group, so there is nothing to remove. */
@ApplicationException(rollback = true)
public class ChannelShareNotFoundException extends DomainException {

  public ChannelShareNotFoundException(String message) {
    super(message);
  }
}
