package org.tessera.audit.domain;

import java.util.List;

/** One page of audit events and the number of events that match the query in all. */
public record AuditPage(List<AuditEvent> events, long total, int page, int size) {

  public AuditPage {
    events = List.copyOf(events);
  }
}
