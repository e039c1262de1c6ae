package org.tessera.identity.domain;

import jakarta.ejb.ApplicationException;
import org.tessera.shared.domain.DomainException;

/** No LDAP/AD directory with that id in the realm. */
@ApplicationException(rollback = true)
public class DirectoryNotFoundException extends DomainException {

  public DirectoryNotFoundException(String id) {
    super("There is no directory with id " + id + "; list them with GET /api/v1/admin/directories or: tessera admin directories list");
  }
}
