/**
 * Keycloak LDAP storage mappers that Tessera adds to Keycloak's user federation: each one a {@code
 * <Feature>LDAPStorageMapper} holding the behaviour (it hooks into import, login and sync of
 * directory users) and a {@code <Feature>LDAPStorageMapperFactory} holding its {@code PROVIDER_ID},
 * its settings with help text and examples, and the validation that refuses bad settings when an
 * administrator saves the mapper. Factories are listed in {@code
 * META-INF/services/org.keycloak.storage.ldap.mappers.LDAPStorageMapperFactory}. This code runs
 * inside Keycloak, not inside Tessera: it is compiled against Keycloak's internal LDAP federation
 * SPI, which changes between releases, so it is pinned to the Keycloak version that {@code
 * ./tessera up} runs and kept small. Directory-group to Tessera-role rules belong here too.
 */
package org.tessera.ldap.mappers;
