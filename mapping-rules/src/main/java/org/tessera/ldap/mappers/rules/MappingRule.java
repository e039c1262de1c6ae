package org.tessera.ldap.mappers.rules;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One rule: a directory group match and what a member of a matching group is given. Immutable;
 * made by {@link MappingRules#parse}.
 */
public final class MappingRule {

  /** What part of a group the pattern is matched against. */
  public enum Target {
    /** The value of the group's first RDN when that is {@code cn=...}. */
    CN,
    /** The group's full DN, compared in normal form ({@link GroupDns#normalize}). */
    DN
  }

  private final int line;
  private final Target target;
  private final String pattern;
  private final String written;
  private final Set<String> roles;
  private final Set<String> groups;
  // Compiled once: a full sync evaluates every rule against every group of every user.
  private final Pattern regex;

  /**
   * @param line the 1-based line the rule was written on (for messages)
   * @param target whether {@code pattern} is matched against the group's CN or its whole DN
   * @param pattern the match; {@code *} stands for any run of characters, case is ignored
   * @param roles realm role names granted
   * @param groups Keycloak group paths (starting with '/') joined
   */
  public MappingRule(int line, Target target, String pattern, Set<String> roles, Set<String> groups) {
    this.line = line;
    this.target = target;
    this.written = pattern.strip();
    this.pattern = target == Target.DN ? GroupDns.normalize(pattern) : pattern.toLowerCase(Locale.ROOT);
    this.roles = Set.copyOf(new LinkedHashSet<>(roles));
    this.groups = Set.copyOf(new LinkedHashSet<>(groups));
    this.regex = compile(this.pattern);
  }

  public int line() {
    return line;
  }

  public Target target() {
    return target;
  }

  /** The pattern in lower case (a DN pattern in normal form). */
  public String pattern() {
    return pattern;
  }

  /** The pattern as written (case and spaces kept), for showing the rule back to an administrator. */
  public String writtenPattern() {
    return written;
  }

  public Set<String> roles() {
    return roles;
  }

  public Set<String> groups() {
    return groups;
  }

  /**
   * Whether the group with this DN matches. DNs that do not parse never match: a directory may
   * hand out odd values, and they must not break a login.
   */
  public boolean matches(String groupDn) {
    String subject;
    try {
      subject = target == Target.CN ? GroupDns.commonName(groupDn) : GroupDns.normalize(groupDn);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return subject != null && regex.matcher(subject).matches();
  }

  private static Pattern compile(String pattern) {
    StringBuilder regex = new StringBuilder();
    for (String literal : pattern.split("\\*", -1)) {
      if (!regex.isEmpty()) {
        regex.append(".*");
      }
      regex.append(Pattern.quote(literal));
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  /** This rule as one line of the syntax, with the pattern as written; parses back to an equal rule. */
  public String toLine() {
    return format(target, written, roles, groups);
  }

  /**
   * One line of the rule syntax from its parts, e.g. {@code cn:grp-ae5-* -> roles=ae-creator;
   * groups=/data-science}, for editors that keep rules as rows; names are sorted. The line is not
   * checked here: {@link MappingRules#parse} does that.
   */
  public static String format(Target target, String pattern, Collection<String> roles, Collection<String> groups) {
    StringBuilder text = new StringBuilder(target.name().toLowerCase(Locale.ROOT));
    text.append(':').append(pattern.strip()).append(" ->");
    if (!roles.isEmpty()) {
      text.append(" roles=").append(String.join(",", new TreeSet<>(roles)));
    }
    if (!groups.isEmpty()) {
      text.append(roles.isEmpty() ? " " : "; ");
      text.append("groups=").append(String.join(",", new TreeSet<>(groups)));
    }
    return text.toString();
  }

  /** The rule in the syntax it was written in (normalised), for logs and previews. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(target.name().toLowerCase(Locale.ROOT));
    text.append(':').append(pattern).append(" ->");
    if (!roles.isEmpty()) {
      text.append(" roles=").append(String.join(",", roles.stream().sorted().toList()));
    }
    if (!groups.isEmpty()) {
      text.append(roles.isEmpty() ? " " : "; ");
      text.append("groups=").append(String.join(",", groups.stream().sorted().toList()));
    }
    return text.toString();
  }
}
