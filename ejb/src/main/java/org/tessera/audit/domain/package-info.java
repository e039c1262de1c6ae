/**
 * The audit trail: an {@link org.tessera.audit.domain.AuditEvent} records who did what, when and from where. Events are immutable once written.
 */
package org.tessera.audit.domain;
