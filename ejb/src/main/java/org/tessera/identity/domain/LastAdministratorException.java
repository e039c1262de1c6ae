package org.tessera.identity.domain;

import jakarta.ejb.ApplicationException;
import org.tessera.shared.domain.DomainException;

/** A change that would leave the realm without any enabled user holding {@code ae-admin}. */
@ApplicationException(rollback = true)
public class LastAdministratorException extends DomainException {

  public LastAdministratorException(String change) {
    super("Refused: " + change + " would leave no enabled user with the ae-admin role, and nobody could administer Tessera any more. "
        + "Grant ae-admin to another user first (or add one to the group admins), then retry.");
  }
}
