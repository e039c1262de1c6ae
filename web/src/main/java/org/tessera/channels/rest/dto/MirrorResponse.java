package org.tessera.channels.rest.dto;

import java.time.Instant;
import java.util.List;
import org.tessera.channels.application.MirrorRunView;

/** A mirror run: status, progress counts and, in the detail, what happened to each file. */
public record MirrorResponse(String id, String type, String destChannel, String owner, String status, boolean clean, boolean cancelRequested,
    Progress progress, String message, String config, Instant createdAt, Instant startedAt, Instant finishedAt, List<MirrorRunView.Result> results) {

  /** Files selected, published, already there, failed, and removed by a clean run. */
  public record Progress(int total, int done, int skipped, int failed, int removed) {}

  public static MirrorResponse from(MirrorRunView v) {
    return new MirrorResponse(v.id(), v.kind(), v.destChannel(), v.owner(), v.status(), v.clean(), v.cancelRequested(),
        new Progress(v.total(), v.done(), v.skipped(), v.failed(), v.removed()), v.message(), v.config(), v.createdAt(), v.startedAt(), v.finishedAt(), v.results());
  }
}
