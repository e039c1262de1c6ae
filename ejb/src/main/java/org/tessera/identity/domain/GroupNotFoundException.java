package org.tessera.identity.domain;

import jakarta.ejb.ApplicationException;
import org.tessera.shared.domain.DomainException;

/** No group with that name in the realm. */
@ApplicationException(rollback = true)
public class GroupNotFoundException extends DomainException {

  public GroupNotFoundException(String name) {
    super("There is no group '" + name + "' in the realm; list them with GET /api/v1/admin/groups.");
  }
}
