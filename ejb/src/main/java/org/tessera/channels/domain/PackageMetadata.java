package org.tessera.channels.domain;

/**
 * What a package file says about itself, read from inside the file (never trusted from its name):
 * where it goes in the channel and what the index records about it.
 */
public interface PackageMetadata {

  /** Conda: the platform subdirectory; PyPI: the normalized project name. */
  String subdir();

  String filename();

  String name();

  String version();

  /** Conda's build string; null for PyPI files. */
  String build();

  /** The index entry for the file, as JSON, with the digest filled in. */
  String record(FileDigest digest);
}
