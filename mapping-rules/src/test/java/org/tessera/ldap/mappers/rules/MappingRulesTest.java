package org.tessera.ldap.mappers.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MappingRulesTest {

  private static final String DATA = "cn=grp-ae5-data,ou=groups,dc=example,dc=org";
  private static final String ADMINS = "cn=admins,ou=groups,dc=example,dc=org";

  @Test
  void parse_rolesAndGroups_areReadFromOneLine() {
    MappingRule rule =
        MappingRules.parse(List.of("cn:grp-ae5-* -> roles=ae-creator, ae-deployer; groups=/data-science"))
            .rules()
            .getFirst();
    assertThat(rule.target()).isEqualTo(MappingRule.Target.CN);
    assertThat(rule.pattern()).isEqualTo("grp-ae5-*");
    assertThat(rule.roles()).containsExactlyInAnyOrder("ae-creator", "ae-deployer");
    assertThat(rule.groups()).containsExactly("/data-science");
    assertThat(rule.line()).isEqualTo(1);
  }

  @Test
  void parse_blankAndCommentLines_areSkippedButCounted() {
    MappingRules rules = MappingRules.parse(List.of("# admins", "", "dn:" + ADMINS + " -> roles=ae-admin"));
    assertThat(rules.rules()).singleElement().satisfies(rule -> assertThat(rule.line()).isEqualTo(3));
  }

  @Test
  void parse_valueWithSeveralLines_countsEachLine() {
    assertThatThrownBy(() -> MappingRules.parse(List.of("cn:a -> roles=x\ncn:b roles=y")))
        .isInstanceOf(RuleSyntaxException.class)
        .hasMessageStartingWith("Line 2: ")
        .hasMessageContaining("no \"->\"");
  }

  @Test
  void parse_groupsOnly_isAllowed() {
    assertThat(MappingRules.parse(List.of("cn:x -> groups=/a,/b/c")).allGroups()).containsExactly("/a", "/b/c");
  }

  @Test
  void parse_kindIsCaseInsensitive() {
    assertThat(MappingRules.parse(List.of("CN:X -> roles=r")).rules().getFirst().target()).isEqualTo(MappingRule.Target.CN);
  }

  @Test
  void parse_missingArrow_namesLineAndShowsExample() {
    assertThatThrownBy(() -> MappingRules.parse(List.of("cn:grp roles=x")))
        .hasMessage("Line 1: \"cn:grp roles=x\" has no \"->\" between the group match and what it grants."
            + " Write for example: cn:grp-ae5-* -> roles=ae-creator; groups=/data-science");
  }

  @Test
  void parse_unknownKind_isRefused() {
    assertThatThrownBy(() -> MappingRules.parse(List.of("uid:x -> roles=r")))
        .hasMessage("Line 1: unknown match \"uid:\". Use cn: (a group name) or dn: (a full group DN).");
  }

  @Test
  void parse_noKind_isRefused() {
    assertThatThrownBy(() -> MappingRules.parse(List.of("grp-x -> roles=r")))
        .hasMessageStartingWith("Line 1: the group match \"grp-x\" must start with cn:");
  }

  @Test
  void parse_emptyPattern_isRefused() {
    assertThatThrownBy(() -> MappingRules.parse(List.of("cn: -> roles=r"))).hasMessageStartingWith("Line 1: nothing follows \"cn:\"");
  }

  @Test
  void parse_invalidDn_isRefused() {
    assertThatThrownBy(() -> MappingRules.parse(List.of("dn:not a dn -> roles=r")))
        .hasMessageStartingWith("Line 1: \"not a dn\" is not a DN.");
  }

  @Test
  void parse_unknownGrant_isRefused() {
    assertThatThrownBy(() -> MappingRules.parse(List.of("cn:x -> role=r")))
        .hasMessage("Line 1: unknown grant \"role\". Use roles=NAME,... and/or groups=/PATH,...");
  }

  @Test
  void parse_grantWithoutEquals_isRefused() {
    assertThatThrownBy(() -> MappingRules.parse(List.of("cn:x -> roles"))).hasMessageStartingWith("Line 1: \"roles\" needs \"=\"");
  }

  @Test
  void parse_grantGivenTwice_isRefused() {
    assertThatThrownBy(() -> MappingRules.parse(List.of("cn:x -> roles=a; roles=b"))).hasMessageStartingWith("Line 1: roles= is given twice.");
  }

  @Test
  void parse_emptyName_isRefused() {
    assertThatThrownBy(() -> MappingRules.parse(List.of("cn:x -> roles=a,,b"))).hasMessageStartingWith("Line 1: roles= has an empty name.");
    assertThatThrownBy(() -> MappingRules.parse(List.of("cn:x -> roles="))).hasMessageStartingWith("Line 1: roles= has an empty name.");
  }

  @Test
  void parse_groupWithoutSlash_isRefusedWithCorrectedPath() {
    assertThatThrownBy(() -> MappingRules.parse(List.of("cn:x -> groups=data")))
        .hasMessage("Line 1: the group \"data\" is not a full path. Start it with a slash, for example groups=/data");
  }

  @Test
  void parse_nothingGranted_isRefused() {
    assertThatThrownBy(() -> MappingRules.parse(List.of("ok:", "cn:x ->  ")))
        .isInstanceOfSatisfying(RuleSyntaxException.class, e -> assertThat(e.line()).isEqualTo(1));
    assertThatThrownBy(() -> MappingRules.parse(List.of("cn:x -> ;"))).hasMessageStartingWith("Line 1: the rule grants nothing.");
  }

  @Test
  void parse_nullOrEmpty_givesNoRules() {
    assertThat(MappingRules.parse(null).rules()).isEmpty();
    assertThat(MappingRules.parse(List.of()).rules()).isEmpty();
  }

  @Test
  void evaluate_cnWildcard_matchesCaseInsensitively() {
    MappingRules rules = MappingRules.parse(List.of("cn:grp-ae5-* -> roles=ae-creator"));
    assertThat(rules.evaluate(Set.of("CN=GRP-AE5-Data,OU=Groups,DC=Example,DC=Org")).roles()).containsExactly("ae-creator");
    assertThat(rules.evaluate(Set.of("cn=grp-ae4-data,ou=groups,dc=example,dc=org")).isEmpty()).isTrue();
  }

  @Test
  void evaluate_cnExact_doesNotMatchPrefix() {
    MappingRules rules = MappingRules.parse(List.of("cn:admins -> roles=ae-admin"));
    assertThat(rules.evaluate(Set.of(ADMINS)).roles()).containsExactly("ae-admin");
    assertThat(rules.evaluate(Set.of("cn=admins-old,ou=groups,dc=example,dc=org")).isEmpty()).isTrue();
  }

  @Test
  void evaluate_cnRule_ignoresGroupsNamedByOtherAttributes() {
    MappingRules rules = MappingRules.parse(List.of("cn:* -> roles=r"));
    assertThat(rules.evaluate(Set.of("ou=admins,dc=example,dc=org")).isEmpty()).isTrue();
  }

  @Test
  void evaluate_dnRule_ignoresCaseAndSpacesAroundSeparators() {
    MappingRules rules = MappingRules.parse(List.of("dn:cn=Admins, ou=Groups, dc=example, dc=org -> roles=ae-admin"));
    assertThat(rules.evaluate(Set.of("CN=admins,OU=groups,DC=EXAMPLE,DC=ORG")).roles()).containsExactly("ae-admin");
    assertThat(rules.evaluate(Set.of("cn=admins,ou=other,dc=example,dc=org")).isEmpty()).isTrue();
  }

  @Test
  void evaluate_dnWildcard_matchesAGroupBranch() {
    MappingRules rules = MappingRules.parse(List.of("dn:*,ou=teams,ou=groups,dc=example,dc=org -> groups=/teams"));
    assertThat(rules.evaluate(Set.of("cn=red,ou=teams,ou=groups,dc=example,dc=org")).groups()).containsExactly("/teams");
    assertThat(rules.evaluate(Set.of(DATA)).isEmpty()).isTrue();
  }

  @Test
  void evaluate_escapedCommaInCn_isMatchedUnescaped() {
    MappingRules rules = MappingRules.parse(List.of("cn:Smith, John* -> roles=r"));
    assertThat(rules.evaluate(Set.of("cn=Smith\\, John Team,ou=groups,dc=example,dc=org")).roles()).containsExactly("r");
  }

  @Test
  void evaluate_patternCharactersOtherThanStar_areLiteral() {
    MappingRules rules = MappingRules.parse(List.of("cn:grp.(a)? -> roles=r"));
    assertThat(rules.evaluate(Set.of("cn=grp.(a)?,dc=x")).roles()).containsExactly("r");
    assertThat(rules.evaluate(Set.of("cn=grpx(a),dc=x")).isEmpty()).isTrue();
  }

  @Test
  void evaluate_severalMatchingRules_giveTheUnion() {
    MappingRules rules =
        MappingRules.parse(
            List.of(
                "cn:grp-ae5-* -> roles=ae-creator,ae-deployer; groups=/data-science",
                "dn:" + ADMINS + " -> roles=ae-admin,ae-creator",
                "cn:nobody -> roles=ae-uploader"));
    Grants grants = rules.evaluate(Set.of(DATA, ADMINS));
    assertThat(grants.roles()).containsExactly("ae-admin", "ae-creator", "ae-deployer");
    assertThat(grants.groups()).containsExactly("/data-science");
  }

  @Test
  void evaluate_unparseableDn_matchesNothingAndDoesNotFail() {
    MappingRules rules = MappingRules.parse(List.of("cn:* -> roles=r", "dn:cn=* -> roles=s"));
    assertThat(rules.evaluate(Set.of("not a dn")).isEmpty()).isTrue();
  }

  @Test
  void evaluate_noGroups_givesNothing() {
    assertThat(MappingRules.parse(List.of("cn:* -> roles=r")).evaluate(Set.of()).isEmpty()).isTrue();
  }

  @Test
  void allRoles_listsEveryRoleOnce() {
    MappingRules rules = MappingRules.parse(List.of("cn:a -> roles=x,y", "cn:b -> roles=y,z"));
    assertThat(rules.allRoles()).containsExactly("x", "y", "z");
  }

  @Test
  void toString_writesTheRuleBackInItsSyntax() {
    assertThat(MappingRules.parse(List.of("CN:Grp-* -> groups=/g; roles=b,a")).rules().getFirst())
        .hasToString("cn:grp-* -> roles=a,b; groups=/g");
  }

  @Test
  void groupDns_normalize_lowercasesAndDropsSpaces() {
    assertThat(GroupDns.normalize(" CN=A B , OU=X ")).isEqualTo("cn=a b,ou=x");
    assertThat(GroupDns.commonName("cn=Team,dc=x")).isEqualTo("team");
    assertThat(GroupDns.commonName("uid=x,dc=x")).isNull();
    assertThat(GroupDns.normalize("cn=a\\, b , dc=x")).isEqualTo("cn=a\\, b,dc=x");
  }

  @Test
  void groupDns_isDnPattern_acceptsWildcardRdnsOnly() {
    assertThat(GroupDns.isDnPattern("*,ou=teams,dc=example,dc=org")).isTrue();
    assertThat(GroupDns.isDnPattern("cn=grp-*,ou=groups,dc=example,dc=org")).isTrue();
    assertThat(GroupDns.isDnPattern("cn=admins,dc=org")).isTrue();
    assertThat(GroupDns.isDnPattern("admins")).isFalse();
    assertThat(GroupDns.isDnPattern("*,teams")).isFalse();
  }

  @Test
  void toLine_keepsThePatternAsWrittenAndParsesBackToTheSameRule() {
    MappingRule rule = MappingRules.parse(List.of("cn: AE5 Users -> groups=/everyone; roles=ae-deployer,ae-creator")).rules().getFirst();
    assertThat(rule.writtenPattern()).isEqualTo("AE5 Users");
    assertThat(rule.toLine()).isEqualTo("cn:AE5 Users -> roles=ae-creator,ae-deployer; groups=/everyone");
    MappingRule again = MappingRules.parse(List.of(rule.toLine())).rules().getFirst();
    assertThat(again.pattern()).isEqualTo(rule.pattern());
    assertThat(again.roles()).isEqualTo(rule.roles());
    assertThat(again.groups()).isEqualTo(rule.groups());
  }

  @Test
  void format_groupsOnly_hasNoRolesPart() {
    assertThat(MappingRule.format(MappingRule.Target.DN, "cn=x,dc=org", List.of(), List.of("/b", "/a"))).isEqualTo("dn:cn=x,dc=org -> groups=/a,/b");
  }
}
