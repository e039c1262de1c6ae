package org.tessera.projects.domain;

import org.tessera.shared.domain.DomainException;

/** A request parameter out of bounds; {@link #field()} names it. */
public class InvalidProjectRequestException extends DomainException {

  private final String field;

  public InvalidProjectRequestException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
