package org.tessera.audit.application;

import jakarta.validation.constraints.NotNull;
import org.tessera.audit.domain.AuditPage;
import org.tessera.audit.domain.AuditQuery;

/** Writes the audit trail (any caller) and reads it (administrators). */
public interface AuditService {

  /**
   * Writes one event in its own transaction, so that the record of a failed action survives the
   * rollback of that action.
   */
  void record(@NotNull(message = "An audit record is required.") AuditRecord record);

  /**
   * Events matching the query, newest first, for any caller: only for services that have checked
   * the caller's right to see the events' target (a project's members see its activity).
   */
  AuditPage searchOnBehalf(@NotNull(message = "An audit query is required.") AuditQuery query);

  /** Events matching the query, newest first; only for {@code ae-admin}. */
  AuditPage search(@NotNull(message = "An audit query is required.") AuditQuery query);
}
