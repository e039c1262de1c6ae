package org.tessera.ldap.mappers;

import static org.tessera.ldap.mappers.GroupRulesLDAPStorageMapper.DEFAULT_GROUP_OBJECT_CLASSES;
import static org.tessera.ldap.mappers.GroupRulesLDAPStorageMapper.DEFAULT_MEMBERSHIP_ATTRIBUTE;
import static org.tessera.ldap.mappers.GroupRulesLDAPStorageMapper.DEFAULT_MEMBERSHIP_USER_ATTRIBUTE;
import static org.tessera.ldap.mappers.GroupRulesLDAPStorageMapper.DN;
import static org.tessera.ldap.mappers.GroupRulesLDAPStorageMapper.GROUPS_DN;
import static org.tessera.ldap.mappers.GroupRulesLDAPStorageMapper.GROUP_OBJECT_CLASSES;
import static org.tessera.ldap.mappers.GroupRulesLDAPStorageMapper.MEMBERSHIP_ATTRIBUTE;
import static org.tessera.ldap.mappers.GroupRulesLDAPStorageMapper.MEMBERSHIP_TYPE;
import static org.tessera.ldap.mappers.GroupRulesLDAPStorageMapper.MEMBERSHIP_USER_ATTRIBUTE;
import static org.tessera.ldap.mappers.GroupRulesLDAPStorageMapper.NESTED_AD_GROUPS;
import static org.tessera.ldap.mappers.GroupRulesLDAPStorageMapper.UID;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.naming.directory.SearchControls;
import org.jboss.logging.Logger;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.LDAPConstants;
import org.keycloak.storage.ldap.LDAPStorageProvider;
import org.keycloak.storage.ldap.LDAPUtils;
import org.keycloak.storage.ldap.idm.model.LDAPObject;
import org.keycloak.storage.ldap.idm.query.internal.LDAPQuery;
import org.keycloak.storage.ldap.idm.query.internal.LDAPQueryConditionsBuilder;
import org.tessera.ldap.mappers.rules.GroupMemberships;

/**
 * A user's directory groups, found the way a mapper's settings say (where the groups are, their
 * object classes, how they name members, nested AD groups or not): by one search per user, or
 * from one read of every group ({@link #readAll}) that a sync then answers from memory.
 */
final class DirectoryGroups {

  private static final Logger logger = Logger.getLogger(DirectoryGroups.class);

  private final ComponentModel settings;
  private final LDAPStorageProvider ldap;

  DirectoryGroups(ComponentModel settings, LDAPStorageProvider ldap) {
    this.settings = settings;
    this.ldap = ldap;
  }

  /** A trimmed config value, or {@code fallback} when absent or blank. */
  static String setting(ComponentModel model, String key, String fallback) {
    String value = model.getConfig().getFirst(key);
    return value == null || value.isBlank() ? fallback : value.strip();
  }

  static List<String> objectClasses(ComponentModel model) {
    return Arrays.stream(setting(model, GROUP_OBJECT_CLASSES, DEFAULT_GROUP_OBJECT_CLASSES).split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  /** The filter attribute that finds the groups of a member, as sent to the directory. */
  static String membershipFilterAttribute(ComponentModel model) {
    return nested(model) ? membershipAttribute(model) + LDAPConstants.LDAP_MATCHING_RULE_IN_CHAIN : membershipAttribute(model);
  }

  static boolean membersByUid(ComponentModel model) {
    return UID.equalsIgnoreCase(setting(model, MEMBERSHIP_TYPE, DN));
  }

  static String memberUserAttribute(ComponentModel model) {
    return setting(model, MEMBERSHIP_USER_ATTRIBUTE, DEFAULT_MEMBERSHIP_USER_ATTRIBUTE);
  }

  /**
   * The settings a read of the groups depends on, as one string: a read made under other settings
   * (the mapper was edited since) must not be reused.
   */
  static String fingerprint(ComponentModel model) {
    return String.join("\n", setting(model, GROUPS_DN, ""), String.join(",", objectClasses(model)),
        membershipAttribute(model), String.valueOf(membersByUid(model)), memberUserAttribute(model), String.valueOf(nested(model)));
  }

  private static String membershipAttribute(ComponentModel model) {
    return setting(model, MEMBERSHIP_ATTRIBUTE, DEFAULT_MEMBERSHIP_ATTRIBUTE);
  }

  private static boolean nested(ComponentModel model) {
    return Boolean.parseBoolean(setting(model, NESTED_AD_GROUPS, "false"));
  }

  /**
   * How groups name {@code user}: its DN, or with UID membership its attribute value; null (and a
   * warning) when it lacks that attribute.
   */
  String memberValue(LDAPObject user) {
    if (!membersByUid(settings)) {
      return user.getDn().toString();
    }
    String value = user.getAttributeAsString(memberUserAttribute(settings));
    if (value == null) {
      logger.warnf("LDAP user '%s' has no '%s' attribute; LDAP mapper '%s' finds no groups for it.", user.getDn(), memberUserAttribute(settings), settings.getName());
    }
    return value;
  }

  /** DNs of the groups {@code user} is in (directly, or nested on AD): one search. */
  Set<String> of(LDAPObject user) {
    String member = memberValue(user);
    if (member == null) {
      return Set.of();
    }
    try (LDAPQuery query = groupQuery()) {
      query.addWhereCondition(new LDAPQueryConditionsBuilder().equal(membershipFilterAttribute(settings), member));
      return LDAPUtils.loadAllLDAPObjects(query, ldap).stream()
          .map(group -> group.getDn().toString())
          .collect(Collectors.toSet());
    }
  }

  /**
   * Every group under the groups DN with its members (paged as the directory's settings say;
   * Active Directory's ranged {@code member;range=} values read to the end).
   */
  GroupMemberships readAll() {
    String attribute = membershipAttribute(settings);
    GroupMemberships memberships = new GroupMemberships(!membersByUid(settings));
    try (LDAPQuery query = groupQuery()) {
      query.addReturningLdapAttribute(attribute);
      for (LDAPObject group : LDAPUtils.loadAllLDAPObjects(query, ldap)) {
        if (!group.isRangeComplete(attribute)) {
          LDAPUtils.fillRangedAttribute(ldap, group, attribute);
        }
        memberships.addGroup(group.getDn().toString(), group.getAttributeAsSetOrDefault(attribute, Set.of()));
      }
    }
    return memberships;
  }

  /** The groups of {@code member} in {@code memberships}, with the nesting these settings ask for. */
  Set<String> of(String member, GroupMemberships memberships) {
    return member == null ? Set.of() : memberships.groupsOf(member, nested(settings));
  }

  private LDAPQuery groupQuery() {
    LDAPQuery query = new LDAPQuery(ldap);
    query.setSearchDn(setting(settings, GROUPS_DN, null));
    query.setSearchScope(SearchControls.SUBTREE_SCOPE);
    query.addObjectClasses(objectClasses(settings));
    return query;
  }
}
