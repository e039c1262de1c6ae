package org.tessera.identity.domain;

import org.tessera.shared.domain.DomainException;

/** No token with that id among the caller's own. */
public class AccessTokenNotFoundException extends DomainException {

  public AccessTokenNotFoundException(String id) {
    super("You have no access token with id " + id + "; list yours with GET /api/v1/me/tokens or: tessera tokens list");
  }
}
