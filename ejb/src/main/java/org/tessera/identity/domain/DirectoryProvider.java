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

  /** Keycloak's LDAP mappers of the directory (stock and Tessera's), in Keycloak's order. */
  List<DirectoryMapper> mappers(String id);

  /** The settings of the directory's {@code tessera-group-rules-ldap-mapper}, or empty when it has none. */
  Optional<GroupRuleSettings> groupRules(String id);

  /**
   * Creates or replaces the rule mapper in one Keycloak call (Keycloak checks the rules again and
   * that the roles and groups exist; a refusal changes nothing), or removes it when there are no
   * rules.
   *
   * @return the settings as saved, with the mapper id (null when removed)
   * @throws InvalidGroupRulesException when Keycloak refuses them
   */
  GroupRuleSettings saveGroupRules(String id, GroupRuleSettings settings);

  /**
   * The directory groups of one user, found in the directory by Keycloak exactly as the rule mapper
   * finds them at sign-in, with these (possibly unsaved) membership settings.
   *
   * @throws DirectoryUserNotFoundException when the directory has no such user
   */
  DirectoryUserGroups userGroups(String id, String username, GroupRuleSettings settings);

  /**
   * Adds one of Keycloak's stock mappers with {@code config} (Keycloak's keys) over the vendor's
   * defaults; Keycloak validates it (a refusal adds nothing).
   */
  DirectoryMapper addStockMapper(String id, StockMapper mapper, String name, java.util.Map<String, String> config);

  /** Removes one mapper of the directory; {@link DirectoryNotFoundException} when it has no such mapper. */
  void removeMapper(String id, String mapperId);
}
