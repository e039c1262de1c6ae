package org.tessera.identity.domain;

import java.time.Instant;

/** One user of the realm as the admin lists show it; {@code id} is Keycloak's. */
public record RealmUser(String id, String username, String email, String firstName, String lastName, boolean enabled, Instant createdAt, UserSource source)
    implements java.io.Serializable {

  /** First and last name, or the user name when there is none. */
  public String displayName() {
    String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
    return name.isEmpty() ? username : name;
  }
}
