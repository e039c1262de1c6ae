package org.tessera.channels.domain;

import java.util.Optional;

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

  /** A wheel's {@code METADATA}, byte for byte, served beside it (PEP 658); empty for every other kind of file. */
  default Optional<byte[]> coreMetadata() {
    return Optional.empty();
  }
}
