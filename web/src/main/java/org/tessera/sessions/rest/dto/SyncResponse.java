package org.tessera.sessions.rest.dto;

import java.util.List;
import org.tessera.projects.domain.SyncReport;

/** What a commit or fetch did. */
public record SyncResponse(String commitId, String revision, List<String> updated, List<String> keptBoth, List<String> conflictsResolved) {

  public static SyncResponse from(SyncReport report) {
    return new SyncResponse(report.commitId(), report.serverRevision(), report.updated(), report.keptBoth(), report.conflicts());
  }
}
