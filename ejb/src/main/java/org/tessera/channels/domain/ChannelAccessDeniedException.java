package org.tessera.channels.domain;

import org.tessera.shared.domain.DomainException;

/** The caller may read the channel but not do this to it. */
public class ChannelAccessDeniedException extends DomainException {

  public ChannelAccessDeniedException(String message) {
    super(message);
  }
}
