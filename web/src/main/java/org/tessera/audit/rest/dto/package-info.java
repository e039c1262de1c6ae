/**
 * Response records of the audit REST resource.
 */
package org.tessera.audit.rest.dto;
