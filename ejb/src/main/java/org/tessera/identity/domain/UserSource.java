package org.tessera.identity.domain;

/**
 * Where a realm user comes from: {@code local} (made in Keycloak, by an admin or by
 * self-registration), {@code directory} (imported from an LDAP/AD connection, {@code name} is its
 * name) or {@code identity-provider} (first signed in through a SAML/OIDC broker, {@code name} is
 * the provider's alias).
 */
public record UserSource(String kind, String name) implements java.io.Serializable {

  public static final String LOCAL = "local";
  public static final String DIRECTORY = "directory";
  public static final String IDENTITY_PROVIDER = "identity-provider";

  public static UserSource local() {
    return new UserSource(LOCAL, null);
  }

  public static UserSource directory(String name) {
    return new UserSource(DIRECTORY, name);
  }

  public static UserSource identityProvider(String alias) {
    return new UserSource(IDENTITY_PROVIDER, alias);
  }

  /** For lists: {@code local}, {@code LDAP corp}, {@code IdP google}. */
  public String label() {
    return switch (kind) {
      case DIRECTORY -> "LDAP " + name;
      case IDENTITY_PROVIDER -> "IdP " + name;
      default -> "local";
    };
  }
}
