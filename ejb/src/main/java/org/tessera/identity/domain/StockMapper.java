package org.tessera.identity.domain;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Keycloak's own LDAP mappers that Tessera offers to add to a directory with defaults from its
 * vendor preset (the seed's group-ldap-mapper, role-ldap-mapper, hardcoded role and MSAD user
 * account control). Keycloak's user-attribute mappers (username, email, names) are added by
 * Keycloak itself with every directory.
 */
public enum StockMapper {
  /** Directory groups under a DN become Keycloak groups of the same names (read-only). */
  GROUP("group-ldap-mapper", "groups"),
  /** Directory groups under a DN become realm roles of the same names (read-only). */
  ROLE("role-ldap-mapper", "roles"),
  /** Every user of the directory gets one realm role. */
  HARDCODED_ROLE("hardcoded-ldap-role-mapper", "hardcoded role"),
  /** Active Directory only: disabled accounts and password-change requirements from userAccountControl. */
  MSAD_ACCOUNT_CONTROL("msad-user-account-control-mapper", "MSAD account controls");

  private final String type;
  private final String defaultName;

  StockMapper(String type, String defaultName) {
    this.type = type;
    this.defaultName = defaultName;
  }

  /** Keycloak's provider id of the mapper. */
  public String type() {
    return type;
  }

  public String defaultName() {
    return defaultName;
  }

  public static Optional<StockMapper> byType(String type) {
    return type == null ? Optional.empty() : Arrays.stream(values()).filter(m -> m.type.equalsIgnoreCase(type.strip())).findFirst();
  }

  /** The accepted types, for messages. */
  public static String types() {
    return Arrays.stream(values()).map(StockMapper::type).collect(Collectors.joining(", "));
  }
}
