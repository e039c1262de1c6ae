/**
 * Directory-group to role/group rules as plain Java, with no Keycloak types: the syntax
 * ({@link org.tessera.ldap.mappers.rules.MappingRules#parse}), the rule model and the evaluation of
 * a user's group DNs into realm roles and Keycloak group paths, and the in-memory index of group
 * memberships ({@link org.tessera.ldap.mappers.rules.GroupMemberships}) that a sync answers from.
 * The Keycloak mapper in the parent package applies them; Tessera's admin UI can reuse them
 * unchanged for a preview.
 */
package org.tessera.ldap.mappers.rules;
