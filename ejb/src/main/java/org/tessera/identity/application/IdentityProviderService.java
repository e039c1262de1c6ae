package org.tessera.identity.application;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.tessera.identity.domain.IdentityProvider;
import org.tessera.identity.domain.IdentityProviderSettings;

/**
 * Identity providers users may sign in through (SAML 2.0, OIDC, Google) with their role mappers
 * (role {@code ae-admin}). They live in Keycloak; Tessera stores nothing of them. Changes are audited.
 */
public interface IdentityProviderService {

  /** Every SAML, OIDC and Google provider of the realm with its mappers. */
  List<IdentityProvider> list();

  /** One provider, or {@link org.tessera.identity.domain.IdentityProviderNotFoundException}. */
  IdentityProvider get(String alias);

  /** Adds a provider whose first sign-in creates the user; returns it as saved, with the redirect URI to give the IdP. */
  IdentityProvider add(@NotNull(message = "Send the identity provider as a JSON body, at least {\"alias\", \"type\"} and its metadataUrl (SAML) or discoveryUrl, clientId and clientSecret (OIDC).") IdentityProviderSettings settings, String actor);

  /** Changes a provider; empty fields keep the stored ones, a mapper list replaces its mappers. */
  IdentityProvider update(String alias, @NotNull(message = "Send the identity provider's settings as a JSON body.") IdentityProviderSettings settings, String actor);

  /** Removes a provider and its mappers; the users it created stay. */
  void remove(String alias, String actor);
}
