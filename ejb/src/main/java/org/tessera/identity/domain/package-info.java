/**
 * Who the user is to Tessera: the platform roles of the seed and the signed-in user's profile as the identity provider asserts it.
 */
package org.tessera.identity.domain;
