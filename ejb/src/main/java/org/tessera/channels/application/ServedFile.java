package org.tessera.channels.application;

import java.nio.file.Path;
import java.time.Instant;

/** A package file to send: where it is on disk and what identifies its content. */
public record ServedFile(Path path, long size, String sha256, Instant lastModified) {}
