package org.tessera.audit.domain;

import java.time.OffsetDateTime;

/**
 * Filters for reading the audit trail, newest first. Every filter is optional; {@code action}
 * matches a prefix so that {@code identity} finds every identity action, and {@code target} a prefix
 * so that {@code "project:ID "} finds everything done to one project. Pages start at 0.
 */
public record AuditQuery(
    String actor, String action, OffsetDateTime from, OffsetDateTime to, int page, int size, String target) {

  public static final int MAX_SIZE = 500;

  public AuditQuery {
    if (page < 0) {
      throw new InvalidAuditQueryException("page", "The page must be 0 or more; pages start at 0.");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new InvalidAuditQueryException(
          "size", "The page size must be between 1 and " + MAX_SIZE + ".");
    }
    if (from != null && to != null && from.isAfter(to)) {
      throw new InvalidAuditQueryException(
          "from", "The start of the time range must not be after its end; swap 'from' and 'to'.");
    }
    actor = blankToNull(actor);
    action = blankToNull(action);
    target = target == null || target.isEmpty() ? null : target;
  }

  public AuditQuery(String actor, String action, OffsetDateTime from, OffsetDateTime to, int page, int size) {
    this(actor, action, from, to, page, size, null);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
