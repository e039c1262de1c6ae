package org.tessera.identity.domain;

import java.util.Locale;

/** Keycloak's two kinds of directory sync. */
public enum SyncMode {
  /** Every user under the users DN. */
  FULL("triggerFullSync"),
  /** Only users created or changed since the last sync. */
  CHANGED("triggerChangedUsersSync");

  private final String keycloakAction;

  SyncMode(String keycloakAction) {
    this.keycloakAction = keycloakAction;
  }

  public String keycloakAction() {
    return keycloakAction;
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** {@code full} (also when null) or {@code changed}. */
  public static SyncMode parse(String mode) {
    if (mode == null || mode.isBlank() || mode.equalsIgnoreCase("full")) {
      return FULL;
    }
    if (mode.equalsIgnoreCase("changed")) {
      return CHANGED;
    }
    throw new InvalidDirectoryException("mode", "Sync mode '" + mode + "' is unknown: use mode=full or mode=changed.");
  }
}
