package org.tessera.identity.domain;

/**
 * One rule that turns what the identity provider says about a user into Tessera roles or profile
 * fields, applied at every sign-in through that provider (so a user who leaves an IdP group loses
 * the role at the next sign-in).
 *
 * <p>{@code type} is one of {@link #ATTRIBUTE_TO_ROLE} (the SAML attribute or OIDC claim {@code
 * attribute} has {@code value}, e.g. a group name, → realm role {@code role}), {@link
 * #HARDCODED_ROLE} (every user of the provider gets {@code role}) or {@link #ATTRIBUTE_TO_PROFILE}
 * ({@code attribute} → the user's {@code userAttribute}: email, firstName, lastName). Mappers made
 * in Keycloak's own console keep their Keycloak type, prefixed {@code keycloak:}, and are left as
 * they are.
 */
public record IdentityProviderMapping(String name, String type, String attribute, String value, String role, String userAttribute) implements java.io.Serializable {

  public static final String ATTRIBUTE_TO_ROLE = "attribute-to-role";
  public static final String HARDCODED_ROLE = "hardcoded-role";
  public static final String ATTRIBUTE_TO_PROFILE = "attribute-to-profile";
  /** The user fields an {@link #ATTRIBUTE_TO_PROFILE} mapper may set. */
  public static final java.util.List<String> PROFILE_FIELDS = java.util.List.of("email", "firstName", "lastName");

  /** Whether Tessera manages this mapper (one of its three types), rather than Keycloak's console. */
  public boolean managed() {
    return ATTRIBUTE_TO_ROLE.equals(type) || HARDCODED_ROLE.equals(type) || ATTRIBUTE_TO_PROFILE.equals(type);
  }
}
