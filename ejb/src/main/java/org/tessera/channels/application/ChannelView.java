package org.tessera.channels.application;

import java.time.Instant;
import java.util.List;

/**
 * A channel as its reader sees it. {@code path} is where clients find it under the platform's URL
 * ({@code /repository/conda/NAME} or {@code /repository/pypi/NAME/simple/}).
 */
public record ChannelView(String name, String type, String owner, boolean isPrivate, Instant createdAt, Instant updatedAt, long files,
    List<ShareView> shares, boolean canWrite, boolean canManage, String path) {

  /** A user or group the channel is shared with, and at which level ({@code read}, {@code read-write}). */
  public record ShareView(String kind, String name, String level) {}
}
