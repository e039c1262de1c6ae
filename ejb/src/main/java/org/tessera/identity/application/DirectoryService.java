package org.tessera.identity.application;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.tessera.identity.domain.ConnectionCheck;
import org.tessera.identity.domain.Directory;
import org.tessera.identity.domain.DirectorySettings;
import org.tessera.identity.domain.DirectorySyncResult;

/**
 * LDAP and Active Directory connections of the realm (role {@code ae-admin}). The directories live
 * in Keycloak; Tessera keeps only the last sync result of each. Changes are audited.
 */
public interface DirectoryService {

  /** Every directory, with its last sync result. */
  List<Directory> list();

  /** One directory, or {@link org.tessera.identity.domain.DirectoryNotFoundException}. */
  Directory get(String id);

  /** Adds a directory with the vendor's defaults for what was left empty; returns it as saved. */
  Directory add(@NotNull(message = "Send the directory as a JSON body, at least {\"name\", \"vendor\", \"connectionUrl\", \"bindDn\", \"bindCredential\", \"usersDn\"}.") DirectorySettings settings, String actor);

  /** Replaces a directory's settings; a missing bind password keeps the stored one. */
  Directory update(String id, @NotNull(message = "Send the directory's settings as a JSON body.") DirectorySettings settings, String actor);

  /** Removes a directory and the users Keycloak imported from it. */
  void remove(String id, String actor);

  /**
   * Whether Keycloak can reach the directory ({@code authenticate} false) or also bind with its
   * bind DN and password.
   *
   * @param overrides connectionUrl, bindDn or bindCredential to try instead of the stored ones; may be null
   */
  ConnectionCheck test(String id, boolean authenticate, DirectorySettings overrides, String actor);

  /**
   * Syncs now; the result, also a failed one, is kept as the directory's last sync.
   *
   * @param mode {@code full} (default) or {@code changed}
   */
  DirectorySyncResult sync(String id, String mode, String actor);
}
