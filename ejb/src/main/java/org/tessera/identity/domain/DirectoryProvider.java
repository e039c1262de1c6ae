package org.tessera.identity.domain;

import java.util.List;
import java.util.Optional;

/**
 * Where directories live: Keycloak's realm (port; {@code KeycloakDirectories} is the adapter).
 * Every method talks to Keycloak and throws {@link DirectoryProviderUnavailableException} when it
 * cannot; settings reach it already {@linkplain DirectorySettings#completed checked}.
 */
public interface DirectoryProvider {

  List<Directory> list();

  Optional<Directory> find(String id);

  /**
   * Adds the LDAP provider with Keycloak's stock mappers plus the vendor's (group mapper when a
   * groups DN is set, the MSAD account mapper for AD). All or nothing: a failure removes what was added.
   *
   * @return the new directory's id
   */
  String create(DirectorySettings settings);

  /** Replaces the settings; a null bind password keeps Keycloak's. */
  void update(String id, DirectorySettings settings);

  /** Removes the provider, its mappers and the users it imported. */
  void delete(String id);

  /**
   * Keycloak's {@code testConnection} or {@code testAuthentication} for a stored directory.
   *
   * @param overrides URL, bind DN or password to try instead of the stored ones; null fields keep those
   */
  ConnectionCheck test(String id, boolean authenticate, DirectorySettings overrides);

  /** Runs a sync now and returns Keycloak's counts, or a failed result with the reason. */
  DirectorySyncResult sync(String id, SyncMode mode);
}
