package org.tessera.channels.application;

import java.time.Instant;

/** One file of a package, with what a user needs to check it. */
public record PackageFileView(String channel, String subdir, String filename, String name, String version, String build, long size,
    String sha256, String md5, String uploader, Instant uploadedAt, long downloads, String yanked, String path) {}
