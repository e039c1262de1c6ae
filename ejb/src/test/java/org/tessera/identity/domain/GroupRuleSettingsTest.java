package org.tessera.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class GroupRuleSettingsTest {

  private static final GroupRuleSettings BASE = GroupRuleSettings.defaults(DirectoryVendor.OTHER, "ou=groups,dc=example,dc=org");

  private static GroupRuleSettings rules(GroupRule... rules) {
    return new GroupRuleSettings(null, List.of(rules), null, null, null, null, null, null);
  }

  @Test
  void rows_becomeTheMappersLines_andEmptyFieldsKeepTheBase() {
    GroupRuleSettings done =
        rules(new GroupRule("CN", " grp-ae5-* ", List.of("ae-deployer", "ae-creator"), List.of("/data-science")), new GroupRule("dn", "cn=admins,ou=groups,dc=example,dc=org", List.of("ae-admin"), null))
            .completed(BASE, true);
    assertThat(done.lines()).containsExactly("cn:grp-ae5-* -> roles=ae-creator,ae-deployer; groups=/data-science", "dn:cn=admins,ou=groups,dc=example,dc=org -> roles=ae-admin");
    assertThat(done.groupsDn()).isEqualTo("ou=groups,dc=example,dc=org");
    assertThat(done.groupObjectClasses()).isEqualTo("groupOfNames");
    assertThat(done.membershipType()).isEqualTo("DN");
  }

  @Test
  void everyBadRow_isNamedWithItsIndex() {
    assertThatThrownBy(() -> rules(
                new GroupRule("uid", "x", List.of("r"), null),
                new GroupRule("cn", "", List.of("r"), null),
                new GroupRule("cn", "y", List.of(), List.of("admins")),
                new GroupRule("cn", "z", null, null),
                new GroupRule("dn", "not a dn", List.of("r"), null))
            .completed(BASE, true))
        .isInstanceOfSatisfying(InvalidGroupRulesException.class, e -> {
          assertThat(e.problems()).extracting(InvalidDirectoryException.FieldProblem::field).containsExactly("rules[0]", "rules[1]", "rules[2]", "rules[3]", "rules[4]");
          assertThat(e.problems().get(0).message()).startsWith("Rule 1: match must be cn");
          assertThat(e.problems().get(2).message()).contains("not a full path").contains("groups=/admins");
          assertThat(e.problems().get(3).message()).contains("grants nothing");
          assertThat(e.problems().get(4).message()).contains("is not a DN");
        });
  }

  @Test
  void patternsThatWouldBreakTheLineSyntax_areRefused() {
    assertThatThrownBy(() -> rules(new GroupRule("cn", "a -> b", List.of("r"), null)).completed(BASE, true))
        .isInstanceOf(InvalidGroupRulesException.class)
        .hasMessageContaining("may not contain '->'");
  }

  @Test
  void savingRules_needsAGroupsDn_andNestedAdGroupsNeedDnMembership() {
    GroupRuleSettings noDn = GroupRuleSettings.defaults(DirectoryVendor.ACTIVE_DIRECTORY, null);
    assertThatThrownBy(() -> rules(new GroupRule("cn", "x", List.of("r"), null)).completed(noDn, true))
        .isInstanceOfSatisfying(InvalidGroupRulesException.class, e -> assertThat(e.problems()).extracting(InvalidDirectoryException.FieldProblem::field).containsExactly("groupsDn"));
    GroupRuleSettings nestedUid = new GroupRuleSettings(null, List.of(), "ou=g,dc=x", "posixGroup", "memberUid", "uid", "uid", true);
    assertThatThrownBy(() -> nestedUid.completed(BASE, true)).hasMessageContaining("Nested Active Directory groups need membershipType DN");
  }

  @Test
  void activeDirectoryDefaults_searchGroupObjects() {
    assertThat(GroupRuleSettings.defaults(DirectoryVendor.ACTIVE_DIRECTORY, "ou=g,dc=x").groupObjectClasses()).isEqualTo("group");
  }

  @Test
  void noRules_isAValidSave_thatRemovesTheMapper() {
    assertThat(rules().completed(BASE, true).rules()).isEmpty();
  }

  @Test
  void storedRules_readBackAsRowsWithThePatternAsWritten() {
    GroupRule row = GroupRule.of(org.tessera.ldap.mappers.rules.MappingRules.parse(List.of("CN: AE5 Users -> groups=/everyone")).rules().getFirst());
    assertThat(row).isEqualTo(new GroupRule("cn", "AE5 Users", List.of(), List.of("/everyone")));
  }
}
