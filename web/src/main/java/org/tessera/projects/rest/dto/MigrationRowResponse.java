package org.tessera.projects.rest.dto;

import java.util.List;
import java.util.Locale;
import org.tessera.projects.domain.MigrationResult;

/** One project of a migration report; {@code status} is {@code migrated} or {@code failed}. */
public record MigrationRowResponse(String projectId, String owner, String name, String remoteUrl, String status, String error) {

  public static List<MigrationRowResponse> from(List<MigrationResult> report) {
    return report.stream()
        .map(r -> new MigrationRowResponse(r.projectId(), r.owner(), r.name(), r.remoteUrl(), r.status().name().toLowerCase(Locale.ROOT), r.error()))
        .toList();
  }
}
