package org.tessera.identity.application;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.tessera.identity.domain.ConnectionCheck;
import org.tessera.identity.domain.Directory;
import org.tessera.identity.domain.DirectorySettings;
import org.tessera.identity.domain.DirectoryMapper;
import org.tessera.identity.domain.DirectorySyncResult;
import org.tessera.identity.domain.GroupRulePreview;
import org.tessera.identity.domain.GroupRulePreviewRequest;
import org.tessera.identity.domain.GroupRuleSettings;

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

  /** Keycloak's LDAP mappers of the directory: stock ones and Tessera's. */
  List<DirectoryMapper> mappers(String id);

  /**
   * The directory's group rules and how its groups are found, from its rule mapper in Keycloak;
   * without one: no rules and the vendor's defaults (groups DN from the group mapper, if any).
   */
  GroupRuleSettings groupRules(String id);

  /**
   * Replaces the rules (and membership settings; empty fields keep the current ones), checked by
   * the mapper's parser here and by Keycloak's validation of the mapper; all or nothing. No rules
   * removes the rule mapper (what it granted stays granted).
   */
  GroupRuleSettings replaceGroupRules(String id, @NotNull(message = "Send the rules as a JSON body: {\"rules\": [{\"match\": \"cn\", \"pattern\": \"grp-ae5-*\", \"roles\": [\"ae-creator\"]}]}.") GroupRuleSettings settings, String actor);

  /**
   * What the saved or the given rules would give a directory user or the members of one group,
   * with the user's directory groups read through Keycloak as a sign-in reads them. Changes nothing.
   */
  GroupRulePreview previewGroupRules(String id, @NotNull(message = "Send {\"username\": \"NAME\"} or {\"group\": \"DN or name\"}, optionally with unsaved \"rules\".") GroupRulePreviewRequest request, String actor);

  /**
   * Adds one of Keycloak's stock mappers ({@code group-ldap-mapper}, {@code role-ldap-mapper},
   * {@code hardcoded-ldap-role-mapper}, {@code msad-user-account-control-mapper}) with the vendor's
   * defaults under {@code config}; the MSAD mapper only to Active Directory.
   */
  DirectoryMapper addMapper(String id, String type, String name, java.util.Map<String, String> config, String actor);

  /** Removes one mapper of the directory. */
  void removeMapper(String id, String mapperId, String actor);
}
