/**
 * Request and response records of the identity REST resources.
 */
package org.tessera.identity.rest.dto;
