package org.tessera.channels.domain;

import jakarta.ejb.ApplicationException;
import org.tessera.shared.domain.DomainException;

/** A field of a channel request breaks a rule; the message says what is allowed. */
@ApplicationException(rollback = true)
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
