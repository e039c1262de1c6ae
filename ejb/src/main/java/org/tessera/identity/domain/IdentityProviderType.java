package org.tessera.identity.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The kinds of identity provider Tessera configures, by Keycloak's provider id. */
public enum IdentityProviderType {
  SAML("saml", "SAML 2.0"),
  OIDC("oidc", "OpenID Connect"),
  /** The seed's preset: Keycloak's Google provider, which knows Google's endpoints. */
  GOOGLE("google", "Google");

  private final String key;
  private final String label;

  IdentityProviderType(String key, String label) {
    this.key = key;
    this.label = label;
  }

  /** Keycloak's {@code providerId}, also the {@code type} in the API. */
  public String key() {
    return key;
  }

  public String label() {
    return label;
  }

  public static Optional<IdentityProviderType> byKey(String key) {
    return key == null ? Optional.empty() : Arrays.stream(values()).filter(t -> t.key.equals(key.strip().toLowerCase(Locale.ROOT))).findFirst();
  }

  public static String keys() {
    return Arrays.stream(values()).map(IdentityProviderType::key).collect(Collectors.joining(", "));
  }
}
