package org.tessera.ldap.mappers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.lang.reflect.Proxy;
import java.text.MessageFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * What {@link GroupRulesLDAPStorageMapperFactory} checks without a running Keycloak: its settings,
 * and the refusals of bad rules and settings. The realm is a stand-in that knows a few role names;
 * existing groups and what happens to users are for {@code LdapRuleMapperIT}.
 */
class GroupRulesLDAPStorageMapperFactoryTest {

  private static final Set<String> ROLES = Set.of("ae-admin", "ae-creator", "ae-deployer", "ae-uploader");

  private final GroupRulesLDAPStorageMapperFactory factory = new GroupRulesLDAPStorageMapperFactory();

  @Test
  void providerId_isKebabCaseEndingInLdapMapper() {
    assertThat(factory.getId()).isEqualTo("tessera-group-rules-ldap-mapper");
  }

  @Test
  void configProperties_haveHelpTextWithExampleAndSaneDefaults() {
    List<ProviderConfigProperty> properties = factory.getConfigProperties();
    assertThat(properties).extracting(ProviderConfigProperty::getName)
        .containsExactly("rules", "groups.dn", "group.object.classes", "membership.ldap.attribute",
            "membership.attribute.type", "membership.user.ldap.attribute", "nested.groups.ad");
    assertThat(properties).allSatisfy(p -> assertThat(p.getHelpText()).containsIgnoringCase("for example"));
    assertThat(properties.getFirst().getType()).isEqualTo(ProviderConfigProperty.MULTIVALUED_STRING_TYPE);
    assertThat(properties).filteredOn(p -> p.getName().equals("group.object.classes"))
        .singleElement().satisfies(p -> assertThat(p.getDefaultValue()).isEqualTo("groupOfNames"));
    assertThat(properties).filteredOn(p -> p.getName().equals("membership.attribute.type"))
        .singleElement().satisfies(p -> assertThat(p.getOptions()).containsExactly("DN", "UID"));
  }

  @Test
  void validate_goodRules_areAccepted() {
    assertThatCode(() -> factory.validateConfiguration(null, realm(), config("cn:grp-ae5-* -> roles=ae-creator,ae-deployer", "dn:cn=admins,ou=groups,dc=example,dc=org -> roles=ae-admin")))
        .doesNotThrowAnyException();
  }

  @Test
  void validate_noRules_isRefused() {
    assertThat(refusal(config())).startsWith("No rules are configured.");
    assertThat(refusal(config("# only a comment"))).startsWith("No rules are configured.");
  }

  @Test
  void validate_badSyntax_namesTheLine() {
    assertThat(refusal(config("cn:a -> roles=ae-admin", "cn:b roles=ae-admin")))
        .startsWith("Line 2: \"cn:b roles=ae-admin\" has no \"->\"");
  }

  @Test
  void validate_unknownRole_namesRoleLineAndRealm() {
    assertThat(refusal(config("cn:a -> roles=ae-admin", "cn:b -> roles=ae-creator,ae-wizard")))
        .isEqualTo("Line 2: the realm role \"ae-wizard\" does not exist in realm \"tessera\". Create it first or fix the name.");
  }

  @Test
  void validate_missingGroupsDn_isRefused() {
    ComponentModel model = config("cn:a -> roles=ae-admin");
    model.getConfig().remove(GroupRulesLDAPStorageMapper.GROUPS_DN);
    assertThat(refusal(model)).startsWith("No LDAP groups DN is configured.");
  }

  @Test
  void validate_malformedGroupsDn_isRefused() {
    ComponentModel model = config("cn:a -> roles=ae-admin");
    model.getConfig().putSingle(GroupRulesLDAPStorageMapper.GROUPS_DN, "groups");
    assertThat(refusal(model)).startsWith("The LDAP groups DN \"groups\" is not a DN.");
  }

  @Test
  void validate_unknownMembershipType_isRefused() {
    ComponentModel model = config("cn:a -> roles=ae-admin");
    model.getConfig().putSingle(GroupRulesLDAPStorageMapper.MEMBERSHIP_TYPE, "NAME");
    assertThat(refusal(model)).isEqualTo("The membership attribute type \"NAME\" is unknown. Choose DN or UID.");
  }

  @Test
  void validate_nestedAdWithUid_isRefused() {
    ComponentModel model = config("cn:a -> roles=ae-admin");
    model.getConfig().putSingle(GroupRulesLDAPStorageMapper.MEMBERSHIP_TYPE, "UID");
    model.getConfig().putSingle(GroupRulesLDAPStorageMapper.NESTED_AD_GROUPS, "true");
    assertThat(refusal(model)).startsWith("Nested Active Directory groups need membership attribute type DN");
  }

  @Test
  void validate_quotesAndBracesInRules_reachTheMessageUnchanged() {
    assertThat(refusal(config("cn:it's {odd} roles=x"))).startsWith("Line 1: \"cn:it's {odd} roles=x\" has no");
  }

  /** Unit-tested only: UnboundID, used by the ITs, does not implement LDAP_MATCHING_RULE_IN_CHAIN. */
  @Test
  void nestedAdGroups_searchMembersWithMatchingRuleInChain() {
    ComponentModel model = config("cn:a -> roles=ae-admin");
    assertThat(DirectoryGroups.membershipFilterAttribute(model)).isEqualTo("member");
    model.getConfig().putSingle(GroupRulesLDAPStorageMapper.NESTED_AD_GROUPS, "true");
    assertThat(DirectoryGroups.membershipFilterAttribute(model)).isEqualTo("member:1.2.840.113556.1.4.1941:");
  }

  @Test
  void posixGroups_searchMemberUid() {
    ComponentModel model = config("cn:a -> roles=ae-admin");
    model.getConfig().putSingle(GroupRulesLDAPStorageMapper.MEMBERSHIP_ATTRIBUTE, "memberUid");
    model.getConfig().putSingle(GroupRulesLDAPStorageMapper.GROUP_OBJECT_CLASSES, "posixGroup, top");
    assertThat(DirectoryGroups.membershipFilterAttribute(model)).isEqualTo("memberUid");
    assertThat(DirectoryGroups.objectClasses(model)).containsExactly("posixGroup", "top");
  }

  private String refusal(ComponentModel model) {
    Throwable thrown = catchThrowable(() -> factory.validateConfiguration(null, realm(), model));
    assertThat(thrown).isInstanceOf(ComponentValidationException.class);
    ComponentValidationException refusal = (ComponentValidationException) thrown;
    return MessageFormat.format(refusal.getMessage(), refusal.getParameters());
  }

  private static ComponentModel config(String... rules) {
    ComponentModel model = new ComponentModel();
    model.setId("mapper-1");
    model.getConfig().put(GroupRulesLDAPStorageMapper.RULES, List.of(rules));
    model.getConfig().putSingle(GroupRulesLDAPStorageMapper.GROUPS_DN, "ou=groups,dc=example,dc=org");
    return model;
  }

  /** A realm named tessera that knows {@link #ROLES}; anything else it is asked fails the test. */
  private static RealmModel realm() {
    return (RealmModel)
        Proxy.newProxyInstance(
            RealmModel.class.getClassLoader(),
            new Class<?>[] {RealmModel.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getName" -> "tessera";
                  case "getRole" -> ROLES.contains((String) args[0]) ? role() : null;
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  private static RoleModel role() {
    return (RoleModel)
        Proxy.newProxyInstance(RoleModel.class.getClassLoader(), new Class<?>[] {RoleModel.class}, (p, m, a) -> null);
  }
}
