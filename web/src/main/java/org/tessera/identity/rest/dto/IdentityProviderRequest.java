package org.tessera.identity.rest.dto;

import java.util.List;
import org.tessera.identity.domain.IdentityProviderSettings;

/**
 * An identity provider to add, or the changes to one (empty fields keep the stored values; a
 * {@code mappers} list replaces the mappers). {@code clientSecret} is write-only.
 */
public record IdentityProviderRequest(
    String alias,
    String type,
    String displayName,
    Boolean enabled,
    String metadataUrl,
    String metadataXml,
    String ssoUrl,
    String entityId,
    String signingCertificate,
    String nameIdFormat,
    String principalType,
    String principalAttribute,
    String discoveryUrl,
    String authorizationUrl,
    String tokenUrl,
    String userInfoUrl,
    String jwksUrl,
    String issuer,
    String clientId,
    String clientSecret,
    String scopes,
    List<IdentityProviderMapperDto> mappers) {

  public IdentityProviderSettings toSettings() {
    return new IdentityProviderSettings(alias, type, displayName, enabled, metadataUrl, metadataXml, ssoUrl, entityId, signingCertificate, nameIdFormat, principalType,
        principalAttribute, discoveryUrl, authorizationUrl, tokenUrl, userInfoUrl, jwksUrl, issuer, clientId, clientSecret, scopes,
        mappers == null ? null : mappers.stream().map(m -> m == null ? null : m.toMapping()).toList());
  }
}
