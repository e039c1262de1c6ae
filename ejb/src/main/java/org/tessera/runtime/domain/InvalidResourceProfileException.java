package org.tessera.runtime.domain;

import org.tessera.shared.domain.DomainException;

/** A resource profile with a field out of bounds; {@link #field()} names it. */
public class InvalidResourceProfileException extends DomainException {

  private final String field;

  public InvalidResourceProfileException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
