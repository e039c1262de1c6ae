package org.tessera.identity.domain;

import java.util.List;
import java.util.Optional;

/**
 * Where identity providers live: Keycloak's realm (port; {@code KeycloakIdentityProviders} is the
 * adapter). Settings reach it already {@linkplain IdentityProviderSettings#completed checked};
 * every method throws {@link DirectoryProviderUnavailableException} when Keycloak cannot be asked.
 */
public interface IdentityBrokers {

  List<IdentityProvider> list();

  Optional<IdentityProvider> find(String alias);

  /**
   * Adds the provider with the first-login flow that creates the user, then its mappers; metadata
   * or a discovery document named in the settings is read by Keycloak first, and the fields given
   * override what it says. All or nothing: a failure removes what was added.
   *
   * @throws InvalidIdentityProviderException when Keycloak cannot read the metadata or refuses the settings
   */
  void create(IdentityProviderSettings settings);

  /**
   * Replaces the settings over the stored ones (null fields keep them; a null client secret keeps
   * Keycloak's); with a mapper list, Tessera's mappers become exactly that list.
   */
  void update(String alias, IdentityProviderSettings settings);

  /** Removes the provider and its mappers; users it created stay, without the link. */
  void delete(String alias);
}
