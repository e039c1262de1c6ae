package org.tessera.ldap.mappers.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * An ordered set of {@link MappingRule}s, parsed from text, one rule per line:
 *
 * <pre>
 * # comment
 * cn:grp-ae5-* -&gt; roles=ae-creator,ae-deployer; groups=/data-science
 * dn:cn=admins,ou=groups,dc=example,dc=org -&gt; roles=ae-admin
 * </pre>
 *
 * Left of {@code ->}: {@code cn:} and a group name, or {@code dn:} and a full group DN; {@code *}
 * matches any run of characters and case is ignored, as LDAP does. Right of it: {@code roles=}
 * realm role names and/or {@code groups=} Keycloak group paths, comma-separated, the two parts
 * separated by {@code ;}. Blank lines and lines starting with {@code #} are skipped. Every matching
 * rule applies: a user gets the union of what the rules matching any of their groups grant.
 */
public final class MappingRules {

  private static final String EXAMPLE = "cn:grp-ae5-* -> roles=ae-creator; groups=/data-science";

  private final List<MappingRule> rules;

  private MappingRules(List<MappingRule> rules) {
    this.rules = List.copyOf(rules);
  }

  /**
   * Parses the rules. Each element of {@code lines} may itself hold several lines (a text area);
   * line numbers in messages count over all of them, from 1.
   *
   * @throws RuleSyntaxException for the first line that is wrong, naming it and what to write
   */
  public static MappingRules parse(List<String> lines) {
    List<MappingRule> rules = new ArrayList<>();
    int number = 0;
    for (String value : lines == null ? List.<String>of() : lines) {
      for (String line : (value == null ? "" : value).split("\r?\n", -1)) {
        number++;
        String text = line.strip();
        if (!text.isEmpty() && !text.startsWith("#")) {
          rules.add(parseRule(number, text));
        }
      }
    }
    return new MappingRules(rules);
  }

  private static MappingRule parseRule(int line, String text) {
    int arrow = text.indexOf("->");
    if (arrow < 0) {
      throw new RuleSyntaxException(
          line,
          "\"" + text + "\" has no \"->\" between the group match and what it grants. Write for"
              + " example: " + EXAMPLE);
    }
    String match = text.substring(0, arrow).strip();
    String grants = text.substring(arrow + 2).strip();
    int colon = match.indexOf(':');
    if (match.isEmpty() || colon < 0) {
      throw new RuleSyntaxException(
          line,
          "the group match \"" + match + "\" must start with cn: (a group name) or dn: (a full"
              + " group DN), for example cn:grp-ae5-*");
    }
    String kind = match.substring(0, colon).strip().toLowerCase(Locale.ROOT);
    String pattern = match.substring(colon + 1).strip();
    MappingRule.Target target;
    switch (kind) {
      case "cn" -> target = MappingRule.Target.CN;
      case "dn" -> target = MappingRule.Target.DN;
      default ->
          throw new RuleSyntaxException(
              line,
              "unknown match \"" + kind + ":\". Use cn: (a group name) or dn: (a full group DN).");
    }
    if (pattern.isEmpty()) {
      throw new RuleSyntaxException(line, "nothing follows \"" + kind + ":\". Name a group, for example " + kind + (target == MappingRule.Target.CN ? ":grp-ae5-*" : ":cn=admins,ou=groups,dc=example,dc=org"));
    }
    if (target == MappingRule.Target.DN && !GroupDns.isDnPattern(pattern)) {
      throw new RuleSyntaxException(
          line,
          "\"" + pattern + "\" is not a DN. Write the full group DN, for example"
              + " dn:cn=admins,ou=groups,dc=example,dc=org");
    }
    Set<String> roles = null;
    Set<String> groups = null;
    for (String part : grants.split(";", -1)) {
      String assignment = part.strip();
      if (assignment.isEmpty()) {
        continue;
      }
      int equals = assignment.indexOf('=');
      String key = (equals < 0 ? assignment : assignment.substring(0, equals)).strip().toLowerCase(Locale.ROOT);
      if (!key.equals("roles") && !key.equals("groups")) {
        throw new RuleSyntaxException(
            line, "unknown grant \"" + key + "\". Use roles=NAME,... and/or groups=/PATH,...");
      }
      if (equals < 0) {
        throw new RuleSyntaxException(line, "\"" + key + "\" needs \"=\" and a list, for example " + key + (key.equals("roles") ? "=ae-creator" : "=/data-science"));
      }
      if ((key.equals("roles") ? roles : groups) != null) {
        throw new RuleSyntaxException(line, key + "= is given twice. List all " + key + " in one " + key + "=, separated by commas.");
      }
      Set<String> values = new LinkedHashSet<>();
      for (String value : assignment.substring(equals + 1).split(",", -1)) {
        String name = value.strip();
        if (name.isEmpty()) {
          throw new RuleSyntaxException(line, key + "= has an empty name. Separate names with single commas, for example " + (key.equals("roles") ? "roles=ae-creator,ae-deployer" : "groups=/data-science,/everyone"));
        }
        if (key.equals("groups") && !name.startsWith("/")) {
          throw new RuleSyntaxException(line, "the group \"" + name + "\" is not a full path. Start it with a slash, for example groups=/" + name);
        }
        values.add(name);
      }
      if (key.equals("roles")) {
        roles = values;
      } else {
        groups = values;
      }
    }
    if (roles == null && groups == null) {
      throw new RuleSyntaxException(
          line, "the rule grants nothing. Add roles=... and/or groups=... after \"->\", for example " + EXAMPLE);
    }
    return new MappingRule(line, target, pattern, roles == null ? Set.of() : roles, groups == null ? Set.of() : groups);
  }

  /** The rules in the order written. */
  public List<MappingRule> rules() {
    return rules;
  }

  /** Every realm role name the rules mention, sorted. */
  public Set<String> allRoles() {
    Set<String> all = new TreeSet<>();
    rules.forEach(rule -> all.addAll(rule.roles()));
    return all;
  }

  /** Every group path the rules mention, sorted. */
  public Set<String> allGroups() {
    Set<String> all = new TreeSet<>();
    rules.forEach(rule -> all.addAll(rule.groups()));
    return all;
  }

  /**
   * What a member of exactly these directory groups gets: the union over every rule that matches
   * at least one of them. Unparseable DNs match nothing.
   */
  public Grants evaluate(Collection<String> groupDns) {
    TreeSet<String> roles = new TreeSet<>();
    TreeSet<String> groups = new TreeSet<>();
    for (MappingRule rule : rules) {
      if (groupDns.stream().anyMatch(rule::matches)) {
        roles.addAll(rule.roles());
        groups.addAll(rule.groups());
      }
    }
    return new Grants(roles, groups);
  }
}
