package org.tessera.audit.application;

import org.tessera.audit.domain.AuditEvent.Outcome;

/** What to write to the audit trail; the service adds the time. */
public record AuditRecord(
    String actor, String action, String target, String clientAddress, Outcome outcome, String detail) {

  public static AuditRecord success(String actor, String action, String target, String clientAddress) {
    return new AuditRecord(actor, action, target, clientAddress, Outcome.SUCCESS, null);
  }
}
