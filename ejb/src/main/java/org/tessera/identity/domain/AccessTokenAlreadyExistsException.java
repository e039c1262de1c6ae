package org.tessera.identity.domain;

import org.tessera.shared.domain.DomainException;

/** The owner already has a live token of that name. */
public class AccessTokenAlreadyExistsException extends DomainException {

  public AccessTokenAlreadyExistsException(String name) {
    super("You already have a live token named '" + name + "'; choose another name or revoke that one first.");
  }
}
