package org.tessera.identity.domain;

import jakarta.ejb.ApplicationException;
import org.tessera.shared.domain.DomainException;

/** No user with that user name in the realm. */
@ApplicationException(rollback = true)
public class UserNotFoundException extends DomainException {

  public UserNotFoundException(String username) {
    super("There is no user '" + username + "' in the realm; search with GET /api/v1/admin/users?search=... or: tessera admin users list --search ...");
  }
}
