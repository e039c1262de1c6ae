package org.tessera.channels.application;

import java.time.Instant;

/**
 * One file of a PyPI project as its simple index lists it: {@code requiresPython} is the file's
 * {@code Requires-Python} (null when it has none), {@code yanked} the PEP 592 reason or null,
 * {@code coreMetadataSha256} the hash of its PEP 658 {@code .metadata} file (null when none is served).
 */
public record DistributionFile(String project, String filename, String version, long size, String sha256, String requiresPython, String yanked,
    Instant uploadedAt, String coreMetadataSha256) {}
