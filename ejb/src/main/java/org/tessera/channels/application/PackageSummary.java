package org.tessera.channels.application;

import java.time.Instant;
import java.util.List;

/** A package of a channel: its versions newest first, the platforms it has files for, downloads of all its files. */
public record PackageSummary(String name, String latestVersion, List<String> versions, List<String> platforms, long files, long downloads,
    Instant lastModified) {}
