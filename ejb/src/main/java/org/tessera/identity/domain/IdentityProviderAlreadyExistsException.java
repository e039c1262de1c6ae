package org.tessera.identity.domain;

import jakarta.ejb.ApplicationException;
import org.tessera.shared.domain.DomainException;

/** Another identity provider of the realm already has the alias (it is part of the redirect URI). */
@ApplicationException(rollback = true)
public class IdentityProviderAlreadyExistsException extends DomainException {

  public IdentityProviderAlreadyExistsException(String alias) {
    super("An identity provider with alias '" + alias + "' exists already: choose another alias, or change that one with PUT /api/v1/admin/identity-providers/" + alias + ".");
  }
}
