package org.tessera.identity.domain;

import java.util.Optional;

/**
 * Users as the identity provider knows them, for requests that carry no token of its own (git
 * over HTTP with a personal access token): their groups and roles decide access to shared projects.
 */
public interface UserLookup {

  /** The enabled user's profile, or empty when the user is unknown, disabled, or cannot be looked up now. */
  Optional<UserProfile> profile(String username);
}
