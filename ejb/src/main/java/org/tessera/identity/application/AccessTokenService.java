package org.tessera.identity.application;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Optional;
import org.tessera.identity.domain.AccessTokenSummary;
import org.tessera.identity.domain.IssuedAccessToken;

/**
 * Personal access tokens: secrets a user creates for git and scripts, shown once, stored only as
 * a hash, with an expiry, revocable. Git over HTTP authenticates with the user name and a token.
 */
public interface AccessTokenService {

  /**
   * Creates a token for the calling user.
   *
   * @param name the user's label for it, unique among their live tokens
   * @param expiresInDays 1 to 366
   * @return the token with its secret, which is never shown again
   */
  IssuedAccessToken create(@NotNull(message = "The owner is required.") String owner, @NotNull(message = "Give the token a name.") String name, int expiresInDays);

  /** The owner's tokens, newest first, without secrets. */
  List<AccessTokenSummary> list(@NotNull(message = "The owner is required.") String owner);

  /** Revokes one of the owner's tokens; revoking twice is not an error. */
  void revoke(@NotNull(message = "The owner is required.") String owner, @NotNull(message = "The token id is required.") String tokenId);

  /**
   * The user name a secret belongs to, if the secret is a live (unexpired, unrevoked) token of
   * that user; records its last use. Never throws for a wrong secret: returns empty.
   */
  Optional<String> authenticate(String username, String secret);

  /**
   * The user a secret belongs to, for clients that send the token alone (a bearer header, conda's
   * {@code /t/TOKEN/} URLs): our tokens carry their id, so the owner need not be given.
   */
  Optional<String> authenticate(String secret);
}
