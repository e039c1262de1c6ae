package org.tessera.identity.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The seed's session and token timeouts (Realm Settings → Tokens), each by Keycloak's realm field
 * name, in seconds, with the seed's label and explanation and the range Tessera accepts.
 */
public enum RealmTimeout {
  SSO_SESSION_IDLE("ssoSessionIdleTimeout", "SSO Session Idle", "User will be logged out of session if inactive for this length of time.", 60),
  SSO_SESSION_MAX("ssoSessionMaxLifespan", "SSO Session Max", "Maximum time a user session can remain active, regardless of activity.", 60),
  OFFLINE_SESSION_IDLE("offlineSessionIdleTimeout", "Offline Session Idle", "Amount of time an offline session can be idle before the access token is revoked.", 60),
  ACCESS_TOKEN_LIFESPAN("accessTokenLifespan", "Access Token Lifespan", "Amount of time an access token will remain valid, before expiring.", 10),
  ACCESS_TOKEN_LIFESPAN_IMPLICIT("accessTokenLifespanForImplicitFlow", "Access Token Lifespan For Implicit Flow",
      "Timeout for access tokens created with Implicit Flow (no refresh token is provided).", 10),
  CLIENT_LOGIN_TIMEOUT("accessCodeLifespan", "Client login timeout", "Maximum time a client can take to complete the authorization process.", 10),
  LOGIN_TIMEOUT("accessCodeLifespanLogin", "Login timeout", "Maximum time a user can take to authenticate before the process restarts.", 60),
  LOGIN_ACTION_TIMEOUT("accessCodeLifespanUserAction", "Login action timeout", "Maximum time a user can spend on any one page in the authentication process.", 60),
  USER_ACTION_LIFESPAN("actionTokenGeneratedByUserLifespan", "User-Initiated Action Lifespan",
      "Maximum time before a user-initiated action (e.g. forgot password email) expires.", 60),
  ADMIN_ACTION_LIFESPAN("actionTokenGeneratedByAdminLifespan", "Default Admin-Initiated Action Lifespan",
      "Maximum time before an admin-initiated action (e.g. issue token to user) expires.", 60);

  /** One year: longer timeouts are surely a typo (seconds taken for minutes). */
  public static final int MAX_SECONDS = 365 * 24 * 3600;

  private final String key;
  private final String label;
  private final String description;
  private final int minSeconds;

  RealmTimeout(String key, String label, String description, int minSeconds) {
    this.key = key;
    this.label = label;
    this.description = description;
    this.minSeconds = minSeconds;
  }

  /** Keycloak's realm field, also the JSON field of Tessera's API. */
  public String key() {
    return key;
  }

  public String label() {
    return label;
  }

  public String description() {
    return description;
  }

  public int minSeconds() {
    return minSeconds;
  }

  public static Optional<RealmTimeout> byKey(String key) {
    return Arrays.stream(values()).filter(t -> t.key.equals(key)).findFirst();
  }
}
