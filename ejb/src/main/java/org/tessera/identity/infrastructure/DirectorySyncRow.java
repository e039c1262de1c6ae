package org.tessera.identity.infrastructure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.tessera.identity.domain.DirectorySyncResult;

/** The last sync of one directory; a row, turned into {@link DirectorySyncResult} by {@link JpaDirectorySyncLog}. */
@Entity
@Table(name = "directory_sync")
public class DirectorySyncRow {

  @Id
  @Column(name = "directory_id", length = 64)
  private String directoryId;

  @Column(nullable = false, length = 10)
  private String mode;

  @Column(name = "synced_at", nullable = false)
  // OffsetDateTime: EclipseLink 4 (JPA 3.1) has no mapping for Instant.
  private OffsetDateTime syncedAt;

  private int added;
  private int updated;
  private int removed;
  private int failed;

  @Column(length = 500)
  private String status;

  @Column(length = 2000)
  private String error;

  protected DirectorySyncRow() {}

  DirectorySyncRow(String directoryId) {
    this.directoryId = directoryId;
  }

  void set(DirectorySyncResult result) {
    mode = result.mode();
    syncedAt = result.at().atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    added = result.added();
    updated = result.updated();
    removed = result.removed();
    failed = result.failed();
    status = cut(result.status(), 500);
    error = cut(result.error(), 2000);
  }

  DirectorySyncResult toResult() {
    return new DirectorySyncResult(directoryId, mode, syncedAt.toInstant(), added, updated, removed, failed, status, error);
  }

  private static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
