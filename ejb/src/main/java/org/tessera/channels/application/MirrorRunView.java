package org.tessera.channels.application;

import java.time.Instant;
import java.util.List;

/** A mirror run as shown to its owner and admins; {@code results} only in the detail view. */
public record MirrorRunView(String id, String kind, String destChannel, String owner, String status, boolean clean, boolean cancelRequested, int total,
    int done, int skipped, int failed, int removed, String message, String config, Instant createdAt, Instant startedAt, Instant finishedAt,
    List<Result> results) {

  /** What happened to one file. */
  public record Result(String name, String file, String outcome, String message, Instant at) {}

  /** One log line with its number, for following the log. */
  public record LogLine(long seq, Instant at, String line) {}
}
