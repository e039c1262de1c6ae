/**
 * JPA storage of audit events.
 */
package org.tessera.audit.infrastructure;
