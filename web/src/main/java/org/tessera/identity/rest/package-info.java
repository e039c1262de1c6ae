/**
 * REST resources about the caller's identity.
 */
package org.tessera.identity.rest;
