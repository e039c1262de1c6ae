/**
 * The REST API's frame: the JAX-RS application under /api, the one error shape (RFC 9457 problem+json, produced only by the exception mappers here), auditing of state-changing calls, health, discovery and the OpenAPI document.
 */
package org.tessera.shared.rest;
