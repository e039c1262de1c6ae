package org.tessera.identity.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tessera.identity.domain.InvalidDirectoryException.FieldProblem;
import org.tessera.ldap.mappers.rules.GroupDns;
import org.tessera.ldap.mappers.rules.MappingRules;
import org.tessera.ldap.mappers.rules.RuleSyntaxException;

/**
 * The group rules of one directory and where and how its groups are found: the settings of its
 * {@code tessera-group-rules-ldap-mapper} in Keycloak (Tessera keeps no copy). Field names follow
 * the mapper's config keys ({@code groups.dn} → {@code groupsDn}, ...).
 *
 * @param mapperId the Keycloak component id of the mapper; null when the directory has none yet
 * @param rules in order; an empty list on save removes the mapper
 */
public record GroupRuleSettings(
    String mapperId,
    List<GroupRule> rules,
    String groupsDn,
    String groupObjectClasses,
    String membershipAttribute,
    String membershipType,
    String membershipUserAttribute,
    Boolean nestedAdGroups) implements java.io.Serializable {

  public static final String DN = "DN";
  public static final String UID = "UID";

  /** The settings a directory without a rule mapper starts from: no rules, the vendor's group defaults. */
  public static GroupRuleSettings defaults(DirectoryVendor vendor, String groupsDn) {
    return new GroupRuleSettings(null, List.of(), groupsDn, vendor.groupObjectClass(), "member", DN, "uid", Boolean.FALSE);
  }

  /**
   * These settings with empty fields taken from {@code base} (the stored settings, or {@link
   * #defaults}), every rule run through the mapper's parser, and every field checked.
   *
   * @param forSave whether a groups DN is required (a preview of a group by DN needs none)
   * @throws InvalidGroupRulesException naming each row or field to fix
   */
  public GroupRuleSettings completed(GroupRuleSettings base, boolean forSave) {
    List<FieldProblem> problems = new ArrayList<>();
    List<GroupRule> checkedRules = new ArrayList<>();
    List<GroupRule> given = rules == null ? base.rules() : rules;
    for (int i = 0; i < given.size(); i++) {
      GroupRule row = given.get(i);
      String field = "rules[" + i + "]";
      if (row == null) {
        problems.add(new FieldProblem(field, "Rule " + (i + 1) + " is empty: give match, pattern and roles and/or groups."));
        continue;
      }
      String match = row.match() == null ? "" : row.match().strip().toLowerCase(Locale.ROOT);
      if (!match.equals("cn") && !match.equals("dn")) {
        problems.add(new FieldProblem(field, "Rule " + (i + 1) + ": match must be cn (the group's name) or dn (its full DN), not '" + (row.match() == null ? "" : row.match()) + "'."));
        continue;
      }
      if (row.pattern() == null || row.pattern().isBlank()) {
        problems.add(new FieldProblem(field, "Rule " + (i + 1) + ": the pattern is empty. Write a group " + (match.equals("cn") ? "name such as grp-ae5-*" : "DN such as cn=admins,ou=groups,dc=example,dc=org") + "."));
        continue;
      }
      if (row.pattern().contains("->") || row.pattern().contains("\n") || row.pattern().strip().startsWith("#")) {
        problems.add(new FieldProblem(field, "Rule " + (i + 1) + ": the pattern may not contain '->', line breaks or start with '#'."));
        continue;
      }
      GroupRule clean = new GroupRule(match, row.pattern().strip(), row.roles(), row.groups());
      try {
        MappingRules.parse(List.of(clean.toLine()));
        checkedRules.add(clean);
      } catch (RuleSyntaxException e) {
        // The mapper's own message, with "Line 1:" replaced by the row the admin sees.
        problems.add(new FieldProblem(field, "Rule " + (i + 1) + ": " + e.getMessage().replaceFirst("^Line \\d+: ", "")));
      }
    }
    String dn = orElse(groupsDn, base.groupsDn());
    if (dn == null) {
      if (forSave && !checkedRules.isEmpty()) {
        problems.add(new FieldProblem("groupsDn", "Say where the directory's groups are (groupsDn), for example ou=groups,dc=example,dc=org."));
      }
    } else if (!GroupDns.isDn(dn) || !dn.contains("=")) {
      problems.add(new FieldProblem("groupsDn", "groupsDn '" + dn + "' is not a DN: write it like ou=groups,dc=example,dc=org."));
    }
    String classes = orElse(groupObjectClasses, base.groupObjectClasses());
    if (classes == null || !classes.matches("\\s*[A-Za-z][A-Za-z0-9-]*(\\s*,\\s*[A-Za-z][A-Za-z0-9-]*)*\\s*")) {
      problems.add(new FieldProblem("groupObjectClasses", "groupObjectClasses must be object class names separated by commas, e.g. groupOfNames or group."));
    }
    String attribute = orElse(membershipAttribute, base.membershipAttribute());
    if (attribute == null || !attribute.matches("[A-Za-z][A-Za-z0-9-]*")) {
      problems.add(new FieldProblem("membershipAttribute", "membershipAttribute must be an LDAP attribute name such as member or memberUid."));
    }
    String type = orElse(membershipType, base.membershipType());
    type = type == null ? DN : type.toUpperCase(Locale.ROOT);
    if (!type.equals(DN) && !type.equals(UID)) {
      problems.add(new FieldProblem("membershipType", "membershipType must be DN (the attribute holds member DNs) or UID (it holds a user attribute such as uid), not '" + type + "'."));
    }
    String userAttribute = orElse(membershipUserAttribute, base.membershipUserAttribute());
    if (userAttribute == null || !userAttribute.matches("[A-Za-z][A-Za-z0-9-]*")) {
      problems.add(new FieldProblem("membershipUserAttribute", "membershipUserAttribute must be an LDAP attribute name such as uid."));
    }
    boolean nested = nestedAdGroups == null ? Boolean.TRUE.equals(base.nestedAdGroups()) : nestedAdGroups;
    if (nested && type.equals(UID)) {
      problems.add(new FieldProblem("nestedAdGroups", "Nested Active Directory groups need membershipType DN, not UID."));
    }
    if (!problems.isEmpty()) {
      throw new InvalidGroupRulesException(problems);
    }
    return new GroupRuleSettings(base.mapperId(), List.copyOf(checkedRules), dn, classes.strip(), attribute, type, userAttribute, nested);
  }

  /** The rules as the mapper stores them: one syntax line per value. */
  public List<String> lines() {
    return rules.stream().map(GroupRule::toLine).toList();
  }

  /** The rules parsed by the mapper's own parser. */
  public MappingRules parsed() {
    return MappingRules.parse(lines());
  }

  private static String orElse(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value.strip();
  }
}
