package org.tessera.channels.domain;

/** A file's size and checksums, as computed while it was received. */
public record FileDigest(long size, String sha256, String md5) {}
