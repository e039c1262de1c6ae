package org.tessera.ldap.mappers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.naming.directory.SearchControls;
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
import org.keycloak.storage.ldap.LDAPUtils;
import org.keycloak.storage.ldap.idm.model.LDAPObject;
import org.keycloak.storage.ldap.idm.query.internal.LDAPQuery;
import org.keycloak.storage.ldap.idm.query.internal.LDAPQueryConditionsBuilder;
import org.keycloak.storage.ldap.mappers.AbstractLDAPStorageMapper;
import org.tessera.ldap.mappers.rules.Grants;
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
 * Writes go to Keycloak's own user (below the provider's read-only wrapper, which refuses attribute
 * writes to federated users): the grants are Keycloak data, not directory data. One LDAP search
 * per user and request, made once even when both hooks run. Roles or groups deleted after the
 * mapper was saved are logged and skipped; nothing here blocks a login. Lives for one Keycloak
 * session; not shared between threads.
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
  private MappingRules rules;
  private boolean rulesParsed;

  public GroupRulesLDAPStorageMapper(ComponentModel mapperModel, LDAPStorageProvider ldapProvider) {
    super(mapperModel, ldapProvider);
  }

  /** The user attribute that lists what this mapper (by component id) granted. */
  public static String grantsAttribute(ComponentModel mapperModel) {
    return "tessera.rule-grants." + mapperModel.getId();
  }

  /** A trimmed config value, or {@code fallback} when absent or blank. */
  static String setting(ComponentModel model, String key, String fallback) {
    String value = model.getConfig().getFirst(key);
    return value == null || value.isBlank() ? fallback : value.strip();
  }

  /** The filter that finds the groups of a member, as sent to the directory (for tests and docs). */
  static String membershipFilterAttribute(ComponentModel model) {
    String attribute = setting(model, MEMBERSHIP_ATTRIBUTE, DEFAULT_MEMBERSHIP_ATTRIBUTE);
    return Boolean.parseBoolean(setting(model, NESTED_AD_GROUPS, "false"))
        ? attribute + LDAPConstants.LDAP_MATCHING_RULE_IN_CHAIN
        : attribute;
  }

  static List<String> objectClasses(ComponentModel model) {
    return Arrays.stream(setting(model, GROUP_OBJECT_CLASSES, DEFAULT_GROUP_OBJECT_CLASSES).split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  @Override
  public void onImportUserFromLDAP(LDAPObject ldapUser, UserModel user, RealmModel realm, boolean isCreate) {
    apply(ldapUser, user, realm);
  }

  @Override
  public UserModel proxy(LDAPObject ldapUser, UserModel delegate, RealmModel realm) {
    apply(ldapUser, stored(delegate), realm);
    return delegate;
  }

  @Override
  public void onRegisterUserToLDAP(LDAPObject ldapUser, UserModel localUser, RealmModel realm) {
    // Users created in Keycloak and written to LDAP get their grants through proxy afterwards.
  }

  @Override
  public void beforeLDAPQuery(LDAPQuery query) {
    if (UID.equalsIgnoreCase(setting(mapperModel, MEMBERSHIP_TYPE, DN))) {
      String attribute = memberUserAttribute();
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

  private void apply(LDAPObject ldapUser, UserModel user, RealmModel realm) {
    if (user.getId() != null && !doneThisSession.add(user.getId())) {
      return;
    }
    MappingRules parsed = rules(realm);
    if (parsed == null) {
      return;
    }
    Grants wanted = parsed.evaluate(directoryGroupDns(ldapUser));
    String attribute = grantsAttribute(mapperModel);
    Set<String> owned = user.getAttributeStream(attribute).collect(Collectors.toCollection(TreeSet::new));
    Set<String> nowOwned = new TreeSet<>();

    for (String name : wanted.roles()) {
      RoleModel role = realm.getRole(name);
      if (role == null) {
        logger.warnf("Realm role '%s' named by LDAP mapper '%s' of realm '%s' does not exist; skipped.", name, mapperModel.getName(), realm.getName());
      } else if (!user.hasDirectRole(role)) {
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
      } else if (user.getGroupsStream().noneMatch(g -> g.getId().equals(group.getId()))) {
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

  /**
   * DNs of the directory groups the user is a member of (directly, or nested on AD): one LDAP
   * search with this mapper's settings. Public for {@link DirectoryGroupsResource}, whose preview
   * must see exactly the groups a sign-in sees.
   */
  public Set<String> directoryGroupDns(LDAPObject ldapUser) {
    boolean byUid = UID.equalsIgnoreCase(setting(mapperModel, MEMBERSHIP_TYPE, DN));
    String member = byUid ? ldapUser.getAttributeAsString(memberUserAttribute()) : ldapUser.getDn().toString();
    if (member == null) {
      logger.warnf("LDAP user '%s' has no '%s' attribute; LDAP mapper '%s' finds no groups for it.", ldapUser.getDn(), memberUserAttribute(), mapperModel.getName());
      return Set.of();
    }
    try (LDAPQuery query = new LDAPQuery(ldapProvider)) {
      query.setSearchDn(setting(mapperModel, GROUPS_DN, null));
      query.setSearchScope(SearchControls.SUBTREE_SCOPE);
      query.addObjectClasses(objectClasses(mapperModel));
      query.addWhereCondition(new LDAPQueryConditionsBuilder().equal(membershipFilterAttribute(mapperModel), member));
      return LDAPUtils.loadAllLDAPObjects(query, ldapProvider).stream()
          .map(group -> group.getDn().toString())
          .collect(Collectors.toSet());
    }
  }

  private String memberUserAttribute() {
    return setting(mapperModel, MEMBERSHIP_USER_ATTRIBUTE, DEFAULT_MEMBERSHIP_USER_ATTRIBUTE);
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
