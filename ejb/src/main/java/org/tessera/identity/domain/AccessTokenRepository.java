package org.tessera.identity.domain;

import java.util.List;
import java.util.Optional;

/** Stored personal access tokens. */
public interface AccessTokenRepository {

  void add(AccessToken token);

  Optional<AccessToken> byId(String id);

  /** The owner's tokens, newest first. */
  List<AccessToken> ownedBy(String owner);
}
