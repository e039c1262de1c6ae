package org.tessera.identity.domain;

/**
 * One identity provider of the realm as Keycloak holds it: its settings without the client secret
 * or metadata document, plus what the administrator must give the provider: the redirect URI (the
 * assertion consumer service for SAML), and for SAML the service provider's entity id and metadata URL.
 *
 * @param clientSecretSet whether Keycloak holds a client secret (OIDC and Google); the secret itself is never read back
 */
public record IdentityProvider(IdentityProviderSettings settings, String redirectUri, String spEntityId, String spMetadataUrl, boolean clientSecretSet)
    implements java.io.Serializable {

  public String alias() {
    return settings.alias();
  }
}
