package org.tessera.identity.application;

import org.tessera.identity.domain.UserProfile;

/** Notices the sign-ins the application sees, so that each one is audited once. */
public interface SignInService {

  /**
   * Called on every authenticated request; writes an {@code identity.sign-in} audit event the
   * first time a Keycloak session ({@code sessionId}, the token's {@code sid}) is seen.
   *
   * @param sessionId the identity provider's session id; null when the token carries none, in
   *     which case nothing is recorded
   */
  void seen(UserProfile user, String sessionId, String clientAddress, String client);
}
