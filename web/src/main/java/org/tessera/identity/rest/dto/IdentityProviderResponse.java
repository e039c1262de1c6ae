package org.tessera.identity.rest.dto;

import java.util.List;
import org.tessera.identity.domain.IdentityProvider;
import org.tessera.identity.domain.IdentityProviderSettings;

/**
 * An identity provider as Keycloak holds it, never with its client secret, with what the
 * administrator gives the provider: {@code redirectUri} (OIDC redirect URI, SAML assertion consumer
 * service) and, for SAML, {@code spEntityId} and {@code spMetadataUrl}.
 */
public record IdentityProviderResponse(
    String alias,
    String type,
    String displayName,
    boolean enabled,
    String redirectUri,
    String spEntityId,
    String spMetadataUrl,
    String ssoUrl,
    String entityId,
    String signingCertificate,
    String nameIdFormat,
    String principalType,
    String principalAttribute,
    String authorizationUrl,
    String tokenUrl,
    String userInfoUrl,
    String jwksUrl,
    String issuer,
    String clientId,
    boolean clientSecretSet,
    String scopes,
    List<IdentityProviderMapperDto> mappers) {

  public static IdentityProviderResponse from(IdentityProvider p) {
    IdentityProviderSettings s = p.settings();
    return new IdentityProviderResponse(s.alias(), s.type(), s.displayName(), !Boolean.FALSE.equals(s.enabled()), p.redirectUri(), p.spEntityId(), p.spMetadataUrl(),
        s.ssoUrl(), s.entityId(), s.signingCertificate(), s.nameIdFormat(), s.principalType(), s.principalAttribute(), s.authorizationUrl(), s.tokenUrl(),
        s.userInfoUrl(), s.jwksUrl(), s.issuer(), s.clientId(), p.clientSecretSet(), s.scopes(),
        s.mappers() == null ? List.of() : s.mappers().stream().map(IdentityProviderMapperDto::from).toList());
  }
}
