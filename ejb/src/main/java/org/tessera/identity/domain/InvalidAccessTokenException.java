package org.tessera.identity.domain;

import org.tessera.shared.domain.DomainException;

/** A token request with a field out of bounds; {@link #field()} names it. */
public class InvalidAccessTokenException extends DomainException {

  private final String field;

  public InvalidAccessTokenException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
