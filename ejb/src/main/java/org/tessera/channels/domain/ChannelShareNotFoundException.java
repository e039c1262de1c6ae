package org.tessera.channels.domain;

import org.tessera.shared.domain.DomainException;

/** The channel is not shared with that user or group, so there is nothing to remove. */
public class ChannelShareNotFoundException extends DomainException {

  public ChannelShareNotFoundException(String message) {
    super(message);
  }
}
