package org.tessera.projects.domain;

import java.time.OffsetDateTime;

/** Where a project is mirrored and how the newest attempts went; times are null when there was none. */
public record MirrorStatus(
    boolean enabled, String remoteUrl, OffsetDateTime lastPushAt, String lastPushed, OffsetDateTime lastErrorAt, String lastError, OffsetDateTime lastPullAt) {}
