package org.tessera.audit.domain;

/** Where audit events are kept. Implementations join the caller's transaction. */
public interface AuditRepository {

  void add(AuditEvent event);

  /** The page of events matching the query, newest first. */
  AuditPage search(AuditQuery query);
}
