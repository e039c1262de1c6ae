package org.tessera.projects.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The archive formats a project version downloads as. */
public enum ArchiveFormat {
  TAR_GZ("tar.gz", "application/gzip"),
  ZIP("zip", "application/zip");

  private final String extension;
  private final String mediaType;

  ArchiveFormat(String extension, String mediaType) {
    this.extension = extension;
    this.mediaType = mediaType;
  }

  public String extension() {
    return extension;
  }

  public String mediaType() {
    return mediaType;
  }

  public static ArchiveFormat byExtension(String value) {
    String wanted = value == null || value.isBlank() ? TAR_GZ.extension : value.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(f -> f.extension.equals(wanted) || (f == TAR_GZ && wanted.equals("tgz")))
        .findFirst()
        .orElseThrow(() -> new InvalidRevisionException("Archive format '" + value + "' is unknown; use one of: "
            + Arrays.stream(values()).map(ArchiveFormat::extension).collect(Collectors.joining(", ")) + "."));
  }
}
