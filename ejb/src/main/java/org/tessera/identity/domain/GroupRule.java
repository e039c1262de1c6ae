package org.tessera.identity.domain;

import java.util.List;
import org.tessera.ldap.mappers.rules.MappingRule;

/**
 * One row of a directory's group rules as the admin edits it: match the group's {@code cn} or
 * {@code dn} against {@code pattern} ({@code *} is a wildcard, case ignored), then grant realm
 * {@code roles} and/or Keycloak {@code groups} (full paths). Stored in Keycloak as one line of the
 * rule syntax ({@link #toLine()}), parsed by the same {@code MappingRules} the mapper runs.
 */
public record GroupRule(String match, String pattern, List<String> roles, List<String> groups) implements java.io.Serializable {

  public GroupRule {
    roles = roles == null ? List.of() : roles.stream().filter(r -> r != null && !r.isBlank()).map(String::strip).toList();
    groups = groups == null ? List.of() : groups.stream().filter(g -> g != null && !g.isBlank()).map(String::strip).toList();
  }

  /** The row of a parsed rule, with its pattern as written. */
  public static GroupRule of(MappingRule rule) {
    return new GroupRule(rule.target().name().toLowerCase(java.util.Locale.ROOT), rule.writtenPattern(), List.copyOf(new java.util.TreeSet<>(rule.roles())),
        List.copyOf(new java.util.TreeSet<>(rule.groups())));
  }

  /** The rule syntax line; {@code match} must already be {@code cn} or {@code dn}. */
  public String toLine() {
    return MappingRule.format(MappingRule.Target.valueOf(match.strip().toUpperCase(java.util.Locale.ROOT)), pattern, roles, groups);
  }
}
