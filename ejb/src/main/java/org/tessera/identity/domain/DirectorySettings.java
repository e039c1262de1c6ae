package org.tessera.identity.domain;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What an administrator sets for one LDAP or Active Directory connection; the names are Keycloak's
 * LDAP provider settings. Tessera never stores these: they live in Keycloak's realm, and {@code
 * bindCredential} is only ever sent, never read back (Keycloak masks it).
 *
 * <p>{@link #completed()} fills what was left empty from the vendor preset and checks every field,
 * so that nothing reaches Keycloak that it would half-accept.
 *
 * @param bindCredential the bind password; null on an update keeps the one Keycloak has
 * @param groupsDn where the directory's groups live; when set, a group mapper imports them
 * @param caCertificatePem a company CA for {@code ldaps://}, checked but not installed here (see README)
 */
public record DirectorySettings(
    String name,
    String vendor,
    String connectionUrl,
    Boolean startTls,
    String bindDn,
    String bindCredential,
    String usersDn,
    String usernameLDAPAttribute,
    String rdnLDAPAttribute,
    String uuidLDAPAttribute,
    String userObjectClasses,
    String customUserSearchFilter,
    String searchScope,
    String editMode,
    Boolean pagination,
    Integer batchSizeForSync,
    Integer fullSyncPeriod,
    Integer changedSyncPeriod,
    Boolean enabled,
    String groupsDn,
    String caCertificatePem) implements java.io.Serializable {

  public static final Set<String> EDIT_MODES = Set.of("READ_ONLY", "WRITABLE", "UNSYNCED");

  /** The same settings without the bind password, for answers. */
  public DirectorySettings withoutCredential() {
    return new DirectorySettings(name, vendor, connectionUrl, startTls, bindDn, null, usersDn, usernameLDAPAttribute, rdnLDAPAttribute, uuidLDAPAttribute,
        userObjectClasses, customUserSearchFilter, searchScope, editMode, pagination, batchSizeForSync, fullSyncPeriod, changedSyncPeriod, enabled, groupsDn, caCertificatePem);
  }

  public DirectoryVendor vendorPreset() {
    return DirectoryVendor.byKey(vendor).orElse(DirectoryVendor.OTHER);
  }

  /**
   * These settings with the vendor's defaults in every empty field, checked.
   *
   * @param creating whether a bind password is required (an update may keep Keycloak's)
   * @throws InvalidDirectoryException naming every field to fix
   */
  public DirectorySettings completed(boolean creating) {
    List<InvalidDirectoryException.FieldProblem> problems = new ArrayList<>();
    DirectoryVendor preset = DirectoryVendor.byKey(blankToNull(vendor) == null ? "other" : vendor).orElse(null);
    if (preset == null) {
      problems.add(problem("vendor", "Unknown vendor '" + vendor + "': use one of " + DirectoryVendor.keys() + "."));
      preset = DirectoryVendor.OTHER;
    }
    String scope = blankToNull(searchScope);
    if (scope != null) {
      scope = switch (scope.toLowerCase(Locale.ROOT)) {
        case "1", "one", "one_level" -> "1";
        case "2", "sub", "subtree" -> "2";
        default -> {
          problems.add(problem("searchScope", "searchScope must be 1 (one level) or 2 (subtree), not '" + searchScope + "'."));
          yield null;
        }
      };
    }
    DirectorySettings done =
        new DirectorySettings(
            strip(name),
            preset.key(),
            strip(connectionUrl), startTls == null ? Boolean.FALSE : startTls,
            strip(bindDn),
            bindCredential == null || bindCredential.isEmpty() ? null : bindCredential,
            strip(usersDn),
            orElse(usernameLDAPAttribute, preset.usernameAttribute()),
            orElse(rdnLDAPAttribute, preset.rdnAttribute()),
            orElse(uuidLDAPAttribute, preset.uuidAttribute()),
            orElse(userObjectClasses, preset.userObjectClasses()),
            strip(customUserSearchFilter),
            scope == null ? preset.searchScope() : scope,
            orElse(editMode, "READ_ONLY").toUpperCase(Locale.ROOT),
            pagination == null ? Boolean.FALSE : pagination,
            batchSizeForSync == null ? Integer.valueOf(1000) : batchSizeForSync,
            fullSyncPeriod == null ? Integer.valueOf(-1) : fullSyncPeriod,
            changedSyncPeriod == null ? Integer.valueOf(-1) : changedSyncPeriod,
            enabled == null ? Boolean.TRUE : enabled,
            strip(groupsDn),
            blankToNull(caCertificatePem));
    done.check(creating, problems);
    if (!problems.isEmpty()) {
      throw new InvalidDirectoryException(problems);
    }
    return done;
  }

  private void check(boolean creating, List<InvalidDirectoryException.FieldProblem> problems) {
    if (name == null) {
      problems.add(problem("name", "A name is required, e.g. \"corporate-ldap\"."));
    } else if (name.length() > 100 || !name.matches("[\\p{L}\\p{N} ._-]+")) {
      problems.add(problem("name", "Use at most 100 letters, digits, spaces, '.', '_' or '-' in the name."));
    }
    checkUrls(problems);
    if (Boolean.TRUE.equals(startTls) && connectionUrl != null && connectionUrl.toLowerCase(Locale.ROOT).contains("ldaps://")) {
      problems.add(problem("startTls", "StartTLS upgrades a plain ldap:// connection, and ldaps:// is TLS from the start: use ldap://HOST:389 with StartTLS, or turn StartTLS off."));
    }
    if (bindDn == null) {
      problems.add(problem("bindDn", "A bind DN is required (simple authentication), e.g. cn=tessera,ou=services,dc=example,dc=com."));
    } else if (!looksLikeDn(bindDn)) {
      problems.add(problem("bindDn", "bindDn '" + bindDn + "' is not a DN: write it as attribute=value pairs, e.g. cn=tessera,dc=example,dc=com."));
    }
    if (creating && bindCredential == null) {
      problems.add(problem("bindCredential", "The bind password (bindCredential) is required when adding a directory."));
    }
    checkDn("usersDn", usersDn, true, "ou=people,dc=example,dc=com", problems);
    checkDn("groupsDn", groupsDn, false, "ou=groups,dc=example,dc=com", problems);
    for (String[] attribute : new String[][] {{"usernameLDAPAttribute", usernameLDAPAttribute}, {"rdnLDAPAttribute", rdnLDAPAttribute}, {"uuidLDAPAttribute", uuidLDAPAttribute}}) {
      if (!attribute[1].matches("[A-Za-z][A-Za-z0-9-]*")) {
        problems.add(problem(attribute[0], attribute[0] + " '" + attribute[1] + "' is not an LDAP attribute name (letters, digits and '-', starting with a letter)."));
      }
    }
    if (!userObjectClasses.matches("\\s*[A-Za-z][A-Za-z0-9-]*(\\s*,\\s*[A-Za-z][A-Za-z0-9-]*)*\\s*")) {
      problems.add(problem("userObjectClasses", "userObjectClasses must be object class names separated by commas, e.g. inetOrgPerson, organizationalPerson."));
    }
    if (customUserSearchFilter != null) {
      filterProblem(customUserSearchFilter).ifPresent(message -> problems.add(problem("customUserSearchFilter", message)));
    }
    if (!EDIT_MODES.contains(editMode)) {
      problems.add(problem("editMode", "editMode must be READ_ONLY, WRITABLE or UNSYNCED, not '" + editMode + "'."));
    }
    if (batchSizeForSync < 1 || batchSizeForSync > 100_000) {
      problems.add(problem("batchSizeForSync", "batchSizeForSync must be between 1 and 100000."));
    }
    checkPeriod("fullSyncPeriod", fullSyncPeriod, problems);
    checkPeriod("changedSyncPeriod", changedSyncPeriod, problems);
    if (caCertificatePem != null && !isPemCertificate(caCertificatePem)) {
      problems.add(problem("caCertificatePem", "caCertificatePem is not a PEM certificate: paste the CA's -----BEGIN CERTIFICATE----- ... -----END CERTIFICATE----- block."));
    }
  }

  private void checkUrls(List<InvalidDirectoryException.FieldProblem> problems) {
    if (connectionUrl == null) {
      problems.add(problem("connectionUrl", "A connection URL is required, e.g. ldaps://ldap.example.com:636."));
      return;
    }
    // Keycloak accepts several URLs separated by spaces and tries them in turn.
    for (String url : connectionUrl.split("\\s+")) {
      String message = null;
      try {
        URI uri = new URI(url);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ldap") && !scheme.equals("ldaps")) {
          message = "connectionUrl '" + url + "' must start with ldap:// or ldaps://.";
        } else if (uri.getHost() == null) {
          message = "connectionUrl '" + url + "' names no host: write ldap://HOST:PORT.";
        } else if (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/")) {
          message = "connectionUrl '" + url + "' must not carry a DN; put it in usersDn instead.";
        }
      } catch (java.net.URISyntaxException e) {
        message = "connectionUrl '" + url + "' is not a URL: write ldap://HOST:PORT or ldaps://HOST:PORT.";
      }
      if (message != null) {
        problems.add(problem("connectionUrl", message));
        return;
      }
    }
  }

  private static void checkDn(String field, String dn, boolean required, String example, List<InvalidDirectoryException.FieldProblem> problems) {
    if (dn == null) {
      if (required) {
        problems.add(problem(field, field + " is required: the DN above the entries, e.g. " + example + "."));
      }
    } else if (!looksLikeDn(dn)) {
      problems.add(problem(field, field + " '" + dn + "' is not a DN: write it as attribute=value pairs, e.g. " + example + "."));
    }
  }

  private static void checkPeriod(String field, int seconds, List<InvalidDirectoryException.FieldProblem> problems) {
    if (seconds != -1 && seconds < 60) {
      problems.add(problem(field, field + " is in seconds: -1 turns periodic sync off, otherwise use 60 or more."));
    }
  }

  /**
   * Why an LDAP search filter cannot be used, if it cannot: it must be parenthesised as a whole
   * with balanced parentheses, like {@code (&(objectClass=person)(memberOf=cn=staff,dc=x))}.
   */
  public static java.util.Optional<String> filterProblem(String filter) {
    if (!filter.startsWith("(") || !filter.endsWith(")")) {
      return java.util.Optional.of("customUserSearchFilter must start with '(' and end with ')', e.g. (memberOf=cn=staff,ou=groups,dc=example,dc=com).");
    }
    int depth = 0;
    for (int i = 0; i < filter.length(); i++) {
      char c = filter.charAt(i);
      if (c == '\\') {
        i++; // an escaped character, e.g. \28 or \(
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
        if (depth == 0 && i < filter.length() - 1) {
          return java.util.Optional.of("customUserSearchFilter has text after its closing ')' at position " + (i + 1) + ": wrap several conditions in (&...) or (|...).");
        }
        if (depth < 0) {
          return java.util.Optional.of("customUserSearchFilter has an unmatched ')' at position " + (i + 1) + ".");
        }
      }
    }
    if (depth != 0) {
      return java.util.Optional.of("customUserSearchFilter has " + depth + " unclosed '(': balance the parentheses.");
    }
    return java.util.Optional.empty();
  }

  static boolean looksLikeDn(String dn) {
    return dn.matches("\\s*[A-Za-z][A-Za-z0-9.-]*\\s*=\\s*[^,=]+(\\s*,\\s*[A-Za-z][A-Za-z0-9.-]*\\s*=\\s*[^,=]+)*\\s*");
  }

  private static boolean isPemCertificate(String pem) {
    if (!pem.contains("-----BEGIN CERTIFICATE-----")) {
      return false;
    }
    try {
      return !CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))).isEmpty();
    } catch (CertificateException e) {
      return false;
    }
  }

  private static InvalidDirectoryException.FieldProblem problem(String field, String message) {
    return new InvalidDirectoryException.FieldProblem(field, message);
  }

  private static String strip(String value) {
    return blankToNull(value) == null ? null : value.strip();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static String orElse(String value, String fallback) {
    return blankToNull(value) == null ? fallback : value.strip();
  }
}
