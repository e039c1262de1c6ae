package org.tessera.audit.domain;

import jakarta.ejb.ApplicationException;
import org.tessera.shared.domain.DomainException;

/** An audit filter that cannot be answered, naming the field to fix. */
@ApplicationException(rollback = true)
public class InvalidAuditQueryException extends DomainException {

  private final String field;

  public InvalidAuditQueryException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
