package org.tessera.identity.domain;

import jakarta.ejb.ApplicationException;
import org.tessera.shared.domain.DomainException;

/** A user or group administration request that cannot be carried out as sent; {@link #field()} names what to fix. */
@ApplicationException(rollback = true)
public class InvalidUserRequestException extends DomainException {

  private final String field;

  public InvalidUserRequestException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
