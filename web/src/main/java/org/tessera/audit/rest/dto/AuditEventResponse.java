package org.tessera.audit.rest.dto;

import org.tessera.audit.domain.AuditEvent;

/** One audit event as the API shows it; times are ISO-8601 in UTC. */
public record AuditEventResponse(
    long id, String occurredAt, String actor, String action, String target, String clientAddress, String outcome, String detail) {

  public static AuditEventResponse from(AuditEvent event) {
    return new AuditEventResponse(
        event.id(),
        event.occurredAt().toInstant().toString(),
        event.actor(),
        event.action(),
        event.target(),
        event.clientAddress(),
        event.outcome().name(),
        event.detail());
  }
}
