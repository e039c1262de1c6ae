package org.tessera.identity.domain;

import jakarta.ejb.ApplicationException;
import org.tessera.shared.domain.DomainException;

/** No identity provider with that alias in the realm. */
@ApplicationException(rollback = true)
public class IdentityProviderNotFoundException extends DomainException {

  public IdentityProviderNotFoundException(String alias) {
    super("There is no identity provider with alias '" + alias + "'; list them with GET /api/v1/admin/identity-providers or: tessera admin idps list");
  }
}
