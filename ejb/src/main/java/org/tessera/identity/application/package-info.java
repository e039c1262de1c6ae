/**
 * Identity use cases the application itself performs: noticing sign-ins. Users, groups and roles
 * live in Keycloak; Tessera reads them from the token and never stores passwords.
 */
package org.tessera.identity.application;
