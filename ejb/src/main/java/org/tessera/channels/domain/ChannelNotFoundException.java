package org.tessera.channels.domain;

import org.tessera.shared.domain.DomainException;

/** There is no such channel, or it is private and not shared with the caller. */
public class ChannelNotFoundException extends DomainException {

  public ChannelNotFoundException(String message) {
    super(message);
  }
}
