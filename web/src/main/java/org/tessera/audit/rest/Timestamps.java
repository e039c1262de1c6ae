package org.tessera.audit.rest;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.tessera.audit.domain.InvalidAuditQueryException;

/** Parses the ISO-8601 time filters of the audit API, naming the field on failure. */
final class Timestamps {

  private Timestamps() {}

  static OffsetDateTime parse(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidAuditQueryException(
          field, "'" + value + "' is not an ISO-8601 time with an offset; write it like 2026-11-25T10:00:00Z.");
    }
  }
}
