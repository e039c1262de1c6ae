package org.tessera.ldap.mappers;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.GroupModel;
import org.keycloak.models.LDAPConstants;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.UserModelDelegate;
import org.keycloak.storage.ldap.LDAPStorageProvider;
import org.keycloak.storage.ldap.idm.model.LDAPObject;
import org.keycloak.storage.ldap.idm.query.internal.LDAPQuery;
import org.keycloak.storage.ldap.mappers.AbstractLDAPStorageMapper;
import org.keycloak.storage.user.SynchronizationResult;
import org.tessera.ldap.mappers.rules.Grants;
import org.tessera.ldap.mappers.rules.GroupMemberships;
import org.tessera.ldap.mappers.rules.MappingRules;
import org.tessera.ldap.mappers.rules.RuleSyntaxException;

/**
 * Gives directory users realm roles and Keycloak groups by rules over their directory groups
 * ({@link MappingRules}: {@code cn:grp-ae5-* -> roles=ae-creator; groups=/data-science}).
 *
 * <p>The mapper owns what it grants. Each time it runs for a user it reads the user's directory
 * groups, evaluates the rules, grants what is missing and takes back what it granted earlier and
 * the rules no longer give. What it granted is remembered in the user attribute {@link
 * #grantsAttribute} (values {@code role:NAME} and {@code group:/PATH}); a role or group the user
 * already had directly when a rule first gave it is not recorded, so grants made by hand are never
 * taken back.
 *
 * <p>It runs from two hooks:
 *
 * <ul>
 *   <li>{@link #onImportUserFromLDAP}: first login of a new user, and every user of a full or
 *       changed-users sync;
 *   <li>{@link #proxy}: every time the LDAP provider hands out a user loaded from Keycloak's
 *       store. With the provider's cache policy {@code NO_CACHE} that is every login; with a
 *       caching policy it is every cache miss (Keycloak's user cache serves logins in between).
 * </ul>
 *
 * How it finds a user's groups: a sync of users Keycloak already has (the only caller of {@code
 * onImportUserFromLDAP} with {@code isCreate} false) reads every group once at its start and
 * answers from memory ({@link SyncGroupReads}), since one search per user made a sync of 10,000
 * users a hundred times slower; sign-ins and first imports search the directory for that user, so
 * a sign-in always sees the directory as it is now. Made once per session even when both hooks
 * run.
 *
 * <p>Writes go to Keycloak's own user (below the provider's read-only wrapper, which refuses
 * attribute writes to federated users): the grants are Keycloak data, not directory data. Roles or
 * groups deleted after the mapper was saved are logged and skipped; nothing here blocks a login.
 * Lives for one Keycloak session; not shared between threads.
 */
public class GroupRulesLDAPStorageMapper extends AbstractLDAPStorageMapper {

  private static final Logger logger = Logger.getLogger(GroupRulesLDAPStorageMapper.class);

  /** Config key: the rules, one per value (a value may also hold several lines). */
  public static final String RULES = "rules";

  /** Config key: where the groups are searched (subtree), e.g. ou=groups,dc=example,dc=org. */
  public static final String GROUPS_DN = "groups.dn";

  /** Config key: object classes of group entries, comma-separated. */
  public static final String GROUP_OBJECT_CLASSES = "group.object.classes";

  public static final String DEFAULT_GROUP_OBJECT_CLASSES = LDAPConstants.GROUP_OF_NAMES;

  /** Config key: the group attribute naming the members ({@code member}, {@code memberUid}). */
  public static final String MEMBERSHIP_ATTRIBUTE = "membership.ldap.attribute";

  public static final String DEFAULT_MEMBERSHIP_ATTRIBUTE = LDAPConstants.MEMBER;

  /** Config key: {@code DN} when members are named by DN, {@code UID} when by a user attribute. */
  public static final String MEMBERSHIP_TYPE = "membership.attribute.type";

  public static final String DN = "DN";
  public static final String UID = "UID";

  /**
   * Config key: the user attribute whose value a {@code UID} membership lists.
   */
  public static final String MEMBERSHIP_USER_ATTRIBUTE = "membership.user.ldap.attribute";

  public static final String DEFAULT_MEMBERSHIP_USER_ATTRIBUTE = LDAPConstants.UID;

  /**
   * Config key: "true" to find nested Active Directory groups with LDAP_MATCHING_RULE_IN_CHAIN
   * ({@code (member:1.2.840.113556.1.4.1941:=USER_DN)}); only with {@code DN} membership.
   */
  public static final String NESTED_AD_GROUPS = "nested.groups.ad";

  private static final String ROLE = "role:";
  private static final String GROUP = "group:";

  private final Set<String> doneThisSession = new HashSet<>();
  private final SyncGroupReads syncReads;
  private final DirectoryGroups directoryGroups;
  private MappingRules rules;
  private boolean rulesParsed;

  GroupRulesLDAPStorageMapper(ComponentModel mapperModel, LDAPStorageProvider ldapProvider, SyncGroupReads syncReads) {
    super(mapperModel, ldapProvider);
    this.syncReads = syncReads;
    this.directoryGroups = new DirectoryGroups(mapperModel, ldapProvider);
  }

  /** The user attribute that lists what this mapper (by component id) granted. */
  public static String grantsAttribute(ComponentModel mapperModel) {
    return "tessera.rule-grants." + mapperModel.getId();
  }

  @Override
  public void onImportUserFromLDAP(LDAPObject ldapUser, UserModel user, RealmModel realm, boolean isCreate) {
    GroupMemberships readBySync = isCreate ? null : syncReads.forSync(mapperModel, directoryGroups::readAll);
    apply(ldapUser, user, realm, readBySync);
  }

  @Override
  public UserModel proxy(LDAPObject ldapUser, UserModel delegate, RealmModel realm) {
    apply(ldapUser, stored(delegate), realm, null);
    return delegate;
  }

  /** Called by Keycloak as every user sync of the directory starts (and by a mapper sync). */
  @Override
  public SynchronizationResult syncDataFromFederationProviderToKeycloak(RealmModel realm) {
    syncReads.syncStarted(mapperModel);
    return new SynchronizationResult();
  }

  @Override
  public void onRegisterUserToLDAP(LDAPObject ldapUser, UserModel localUser, RealmModel realm) {
    // Users created in Keycloak and written to LDAP get their grants through proxy afterwards.
  }

  @Override
  public void beforeLDAPQuery(LDAPQuery query) {
    if (DirectoryGroups.membersByUid(mapperModel)) {
      String attribute = DirectoryGroups.memberUserAttribute(mapperModel);
      query.addReturningLdapAttribute(attribute);
      query.addReturningReadOnlyLdapAttribute(attribute);
    }
  }

  /** Below every delegate (the provider's read-only wrapper among them): Keycloak's stored user. */
  private static UserModel stored(UserModel user) {
    UserModel current = user;
    while (current instanceof UserModelDelegate delegate) {
      current = delegate.getDelegate();
    }
    return current;
  }

  /** Applies the rules to {@code user}'s groups, from {@code readBySync} if given, else searched. */
  private void apply(LDAPObject ldapUser, UserModel user, RealmModel realm, GroupMemberships readBySync) {
    if (user.getId() != null && !doneThisSession.add(user.getId())) {
      return;
    }
    MappingRules parsed = rules(realm);
    if (parsed == null) {
      return;
    }
    Set<String> groupDns = readBySync == null
        ? directoryGroups.of(ldapUser)
        : directoryGroups.of(directoryGroups.memberValue(ldapUser), readBySync);
    Grants wanted = parsed.evaluate(groupDns);
    String attribute = grantsAttribute(mapperModel);
    Set<String> owned = user.getAttributeStream(attribute).collect(Collectors.toCollection(TreeSet::new));
    Set<String> nowOwned = new TreeSet<>();
    // Read once each, not once per rule target: in a sync these reads are most of the work.
    Set<String> directRoleIds = wanted.roles().isEmpty() ? Set.of() : user.getRoleMappingsStream().map(RoleModel::getId).collect(Collectors.toSet());
    Set<String> groupIds = wanted.groups().isEmpty() ? Set.of() : user.getGroupsStream().map(GroupModel::getId).collect(Collectors.toSet());

    for (String name : wanted.roles()) {
      RoleModel role = realm.getRole(name);
      if (role == null) {
        logger.warnf("Realm role '%s' named by LDAP mapper '%s' of realm '%s' does not exist; skipped.", name, mapperModel.getName(), realm.getName());
      } else if (!directRoleIds.contains(role.getId())) {
        logger.debugf("Granting role '%s' to '%s' by LDAP group rules", name, user.getUsername());
        user.grantRole(role);
        nowOwned.add(ROLE + name);
      } else if (owned.contains(ROLE + name)) {
        nowOwned.add(ROLE + name);
      }
    }
    for (String path : wanted.groups()) {
      GroupModel group = KeycloakModelUtils.findGroupByPath(getSession(), realm, path);
      if (group == null) {
        logger.warnf("Group '%s' named by LDAP mapper '%s' of realm '%s' does not exist; skipped.", path, mapperModel.getName(), realm.getName());
      } else if (!groupIds.contains(group.getId())) {
        logger.debugf("Adding '%s' to group '%s' by LDAP group rules", user.getUsername(), path);
        user.joinGroup(group);
        nowOwned.add(GROUP + path);
      } else if (owned.contains(GROUP + path)) {
        nowOwned.add(GROUP + path);
      }
    }
    for (String grant : owned) {
      if (nowOwned.contains(grant)) {
        continue;
      }
      if (grant.startsWith(ROLE) && !wanted.roles().contains(grant.substring(ROLE.length()))) {
        RoleModel role = realm.getRole(grant.substring(ROLE.length()));
        if (role != null) {
          logger.debugf("Taking back role '%s' from '%s': no LDAP group rule gives it any more", role.getName(), user.getUsername());
          user.deleteRoleMapping(role);
        }
      } else if (grant.startsWith(GROUP) && !wanted.groups().contains(grant.substring(GROUP.length()))) {
        GroupModel group = KeycloakModelUtils.findGroupByPath(getSession(), realm, grant.substring(GROUP.length()));
        if (group != null) {
          logger.debugf("Removing '%s' from group '%s': no LDAP group rule gives it any more", user.getUsername(), group.getName());
          user.leaveGroup(group);
        }
      }
    }
    if (!nowOwned.equals(owned)) {
      if (nowOwned.isEmpty()) {
        user.removeAttribute(attribute);
      } else {
        user.setAttribute(attribute, new ArrayList<>(nowOwned));
      }
    }
  }

  /** The rules, parsed once per session; null (and an error logged) if they do not parse. */
  private MappingRules rules(RealmModel realm) {
    if (!rulesParsed) {
      rulesParsed = true;
      try {
        rules = MappingRules.parse(mapperModel.getConfig().getList(RULES));
      } catch (RuleSyntaxException e) {
        logger.errorf("LDAP mapper '%s' of realm '%s' has invalid rules and grants nothing: %s", mapperModel.getName(), realm.getName(), e.getMessage());
      }
    }
    return rules;
  }
}
