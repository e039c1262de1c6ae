package org.tessera.identity.domain;

import jakarta.ejb.ApplicationException;
import org.tessera.shared.domain.DomainException;

/** A permission list that cannot be saved, naming the list to fix. */
@ApplicationException(rollback = true)
public class InvalidPermissionGrantsException extends DomainException {

  private final String field;

  public InvalidPermissionGrantsException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
