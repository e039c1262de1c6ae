/** Storage of identity settings in Tessera's database (permission lists) and access to Keycloak. */
package org.tessera.identity.infrastructure;
