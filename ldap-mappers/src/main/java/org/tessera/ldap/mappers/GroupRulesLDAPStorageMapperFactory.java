package org.tessera.ldap.mappers;

import static org.tessera.ldap.mappers.GroupRulesLDAPStorageMapper.DN;
import static org.tessera.ldap.mappers.GroupRulesLDAPStorageMapper.UID;
import static org.tessera.ldap.mappers.DirectoryGroups.setting;

import java.util.List;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.storage.ldap.LDAPStorageProvider;
import org.keycloak.storage.ldap.mappers.AbstractLDAPStorageMapper;
import org.keycloak.storage.ldap.mappers.AbstractLDAPStorageMapperFactory;
import org.tessera.ldap.mappers.rules.GroupDns;
import org.tessera.ldap.mappers.rules.MappingRule;
import org.tessera.ldap.mappers.rules.MappingRules;
import org.tessera.ldap.mappers.rules.RuleSyntaxException;

/**
 * Factory of {@link GroupRulesLDAPStorageMapper}: its id, its settings (the rules and where and how
 * to find a user's directory groups) and the checks that refuse bad rules when the mapper is saved.
 */
public class GroupRulesLDAPStorageMapperFactory extends AbstractLDAPStorageMapperFactory {

  public static final String PROVIDER_ID = "tessera-group-rules-ldap-mapper";

  private static final List<ProviderConfigProperty> CONFIG_PROPERTIES;

  private final SyncGroupReads syncReads = new SyncGroupReads();

  static {
    ProviderConfigProperty rules =
        createConfigProperty(
            GroupRulesLDAPStorageMapper.RULES,
            "Rules",
            "One rule per line: a directory group match, '->', then the realm roles and/or Keycloak"
                + " groups its members get. Match by cn: (group name) or dn: (full DN); * is a"
                + " wildcard; case is ignored. For example 'cn:grp-ae5-* -> roles=ae-creator,"
                + "ae-deployer; groups=/data-science' or 'dn:cn=admins,ou=groups,dc=example,dc=org"
                + " -> roles=ae-admin'.",
            ProviderConfigProperty.MULTIVALUED_STRING_TYPE,
            null,
            true);
    ProviderConfigProperty groupsDn =
        createConfigProperty(
            GroupRulesLDAPStorageMapper.GROUPS_DN,
            "LDAP groups DN",
            "Where the directory groups are searched, with all levels below it. For example"
                + " 'ou=groups,dc=example,dc=org'.",
            ProviderConfigProperty.STRING_TYPE,
            null,
            true);
    ProviderConfigProperty objectClasses =
        createConfigProperty(
            GroupRulesLDAPStorageMapper.GROUP_OBJECT_CLASSES,
            "Group object classes",
            "Object classes of group entries, comma-separated. For example 'groupOfNames'"
                + " (OpenLDAP), 'posixGroup', or 'group' (Active Directory).",
            ProviderConfigProperty.STRING_TYPE,
            null,
            false);
    objectClasses.setDefaultValue(GroupRulesLDAPStorageMapper.DEFAULT_GROUP_OBJECT_CLASSES);
    ProviderConfigProperty membershipAttribute =
        createConfigProperty(
            GroupRulesLDAPStorageMapper.MEMBERSHIP_ATTRIBUTE,
            "Membership LDAP attribute",
            "Group attribute that lists the members. For example 'member' (groupOfNames, Active"
                + " Directory) or 'memberUid' (posixGroup).",
            ProviderConfigProperty.STRING_TYPE,
            null,
            false);
    membershipAttribute.setDefaultValue(GroupRulesLDAPStorageMapper.DEFAULT_MEMBERSHIP_ATTRIBUTE);
    ProviderConfigProperty membershipType =
        createConfigProperty(
            GroupRulesLDAPStorageMapper.MEMBERSHIP_TYPE,
            "Membership attribute type",
            "DN when the membership attribute holds the full DN of each member (member), UID when"
                + " it holds a user attribute such as the uid (memberUid). For example 'DN'.",
            ProviderConfigProperty.LIST_TYPE,
            List.of(DN, UID),
            false);
    membershipType.setDefaultValue(DN);
    ProviderConfigProperty userAttribute =
        createConfigProperty(
            GroupRulesLDAPStorageMapper.MEMBERSHIP_USER_ATTRIBUTE,
            "Membership user LDAP attribute",
            "With membership type UID: the user attribute whose value the groups list. For"
                + " example 'uid'.",
            ProviderConfigProperty.STRING_TYPE,
            null,
            false);
    userAttribute.setDefaultValue(GroupRulesLDAPStorageMapper.DEFAULT_MEMBERSHIP_USER_ATTRIBUTE);
    ProviderConfigProperty nested =
        createConfigProperty(
            GroupRulesLDAPStorageMapper.NESTED_AD_GROUPS,
            "Nested Active Directory groups",
            "On: also count groups the user is in through other groups, using Active Directory's"
                + " LDAP_MATCHING_RULE_IN_CHAIN (other directories do not support it). Needs"
                + " membership type DN. For example on for AD with group nesting.",
            ProviderConfigProperty.BOOLEAN_TYPE,
            null,
            false);
    nested.setDefaultValue("false");
    CONFIG_PROPERTIES =
        List.of(rules, groupsDn, objectClasses, membershipAttribute, membershipType, userAttribute, nested);
  }

  @Override
  public String getId() {
    return PROVIDER_ID;
  }

  @Override
  public String getHelpText() {
    return "Gives directory users realm roles and Keycloak groups by rules over their LDAP groups"
        + " (by CN or DN, with wildcards), at import, sync and login, and takes back what it gave"
        + " when a rule no longer matches.";
  }

  @Override
  public List<ProviderConfigProperty> getConfigProperties() {
    return CONFIG_PROPERTIES;
  }

  /**
   * Refuses missing or unparseable rules (the message names the line), a missing or malformed
   * groups DN, an unknown membership type, nested AD groups with UID membership, and rules naming
   * realm roles or groups that do not exist in {@code realm}. Only the last check uses {@code
   * session} and {@code realm}. User-supplied text goes in as a MessageFormat parameter, since
   * Keycloak formats the message.
   */
  @Override
  public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel config)
      throws ComponentValidationException {
    List<String> lines = config.getConfig().getList(GroupRulesLDAPStorageMapper.RULES);
    MappingRules rules;
    try {
      rules = MappingRules.parse(lines);
    } catch (RuleSyntaxException e) {
      throw refusal(e.getMessage());
    }
    if (rules.rules().isEmpty()) {
      throw refusal("No rules are configured. Add one per line, for example: cn:grp-ae5-* -> roles=ae-creator");
    }
    String groupsDn = setting(config, GroupRulesLDAPStorageMapper.GROUPS_DN, null);
    if (groupsDn == null) {
      throw refusal("No LDAP groups DN is configured. Enter where the groups are, for example ou=groups,dc=example,dc=org");
    }
    if (!GroupDns.isDn(groupsDn)) {
      throw refusal("The LDAP groups DN \"" + groupsDn + "\" is not a DN. Enter it like ou=groups,dc=example,dc=org");
    }
    if (DirectoryGroups.objectClasses(config).isEmpty()) {
      throw refusal("No group object class is configured. Enter for example groupOfNames");
    }
    String type = setting(config, GroupRulesLDAPStorageMapper.MEMBERSHIP_TYPE, DN);
    if (!type.equalsIgnoreCase(DN) && !type.equalsIgnoreCase(UID)) {
      throw refusal("The membership attribute type \"" + type + "\" is unknown. Choose DN or UID.");
    }
    boolean nested = Boolean.parseBoolean(setting(config, GroupRulesLDAPStorageMapper.NESTED_AD_GROUPS, "false"));
    if (nested && type.equalsIgnoreCase(UID)) {
      throw refusal("Nested Active Directory groups need membership attribute type DN, not UID.");
    }
    for (MappingRule rule : rules.rules()) {
      for (String role : rule.roles()) {
        if (realm.getRole(role) == null) {
          throw refusal("Line " + rule.line() + ": the realm role \"" + role + "\" does not exist in realm \"" + realm.getName() + "\". Create it first or fix the name.");
        }
      }
      for (String path : rule.groups()) {
        if (KeycloakModelUtils.findGroupByPath(session, realm, path) == null) {
          throw refusal("Line " + rule.line() + ": the group \"" + path + "\" does not exist in realm \"" + realm.getName() + "\". Create it first or fix the path.");
        }
      }
    }
  }

  /** The message goes in as the only parameter, so quotes and braces in it reach the admin as written. */
  private static ComponentValidationException refusal(String message) {
    return new ComponentValidationException("{0}", message);
  }

  @Override
  protected AbstractLDAPStorageMapper createMapper(ComponentModel mapperModel, LDAPStorageProvider federationProvider) {
    return new GroupRulesLDAPStorageMapper(mapperModel, federationProvider, syncReads);
  }

  @Override
  public void preRemove(KeycloakSession session, RealmModel realm, ComponentModel model) {
    syncReads.forget(model);
  }
}
