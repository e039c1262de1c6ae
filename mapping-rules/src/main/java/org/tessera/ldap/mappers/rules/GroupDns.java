package org.tessera.ldap.mappers.rules;

import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * DN handling for the rules. LDAP compares DNs attribute by attribute and case-insensitively
 * (for the directory-string attributes groups are named by), ignoring spaces around separators;
 * the normal form here makes string comparison and wildcards behave the same way.
 */
public final class GroupDns {

  private GroupDns() {}

  /**
   * The normal form of a DN or DN pattern: lower case, no spaces around unescaped {@code ,},
   * {@code =} and {@code +}, escapes kept as written. Textual, so that a pattern with {@code *}
   * for whole RDNs ({@code *,ou=teams,dc=example,dc=org}) normalises like the DNs it matches.
   */
  public static String normalize(String dn) {
    String text = dn.strip().toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        out.append(c).append(text.charAt(++i));
      } else if (c == ',' || c == '=' || c == '+') {
        while (!out.isEmpty() && out.charAt(out.length() - 1) == ' ') {
          out.setLength(out.length() - 1);
        }
        out.append(c);
        while (i + 1 < text.length() && text.charAt(i + 1) == ' ') {
          i++;
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Whether {@code pattern} reads as a DN in which {@code *} may stand for any text, whole RDNs
   * included: every comma-separated part is {@code type=value} or holds a {@code *}.
   */
  public static boolean isDnPattern(String pattern) {
    if (!pattern.contains("*")) {
      return isDn(pattern) && !parse(pattern).isEmpty();
    }
    for (String part : normalize(pattern).split("(?<!\\\\),", -1)) {
      if (!part.contains("*") && (part.indexOf('=') < 1)) {
        return false;
      }
    }
    return true;
  }

  /** The value of the first (most specific) RDN when it is a {@code cn}, lower-cased; else null. */
  public static String commonName(String dn) {
    LdapName name = parse(dn);
    if (name.isEmpty()) {
      return null;
    }
    Rdn first = name.getRdn(name.size() - 1);
    if (first.size() != 1 || !first.getType().equalsIgnoreCase("cn")) {
      return null;
    }
    return String.valueOf(first.getValue()).toLowerCase(Locale.ROOT);
  }

  /** Whether {@code dn} parses as a DN. */
  public static boolean isDn(String dn) {
    try {
      parse(dn);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static LdapName parse(String dn) {
    try {
      return new LdapName(dn.trim());
    } catch (InvalidNameException | RuntimeException e) {
      throw new IllegalArgumentException("\"" + dn + "\" is not a DN", e);
    }
  }
}
