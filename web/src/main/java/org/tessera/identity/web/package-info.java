/**
 * Browser-facing identity: the signed-in user for Faces pages and REST alike, the home page, sign-in auditing and sign-out (which also ends the Keycloak session).
 */
package org.tessera.identity.web;
