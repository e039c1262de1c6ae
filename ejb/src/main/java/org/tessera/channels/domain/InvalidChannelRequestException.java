package org.tessera.channels.domain;

import org.tessera.shared.domain.DomainException;

/** A field of a channel request breaks a rule; the message says what is allowed. */
public class InvalidChannelRequestException extends DomainException {

  private final String field;

  public InvalidChannelRequestException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
