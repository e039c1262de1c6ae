package org.tessera.channels.domain;

import java.util.Locale;
import java.util.Optional;

/** What a channel serves, and so under which path: {@code /repository/conda} or {@code /repository/pypi}. */
public enum ChannelType {
  CONDA,
  PYPI;

  public String pathSegment() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ChannelType> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "conda" -> Optional.of(CONDA);
      case "pypi", "pip" -> Optional.of(PYPI);
      default -> Optional.empty();
    };
  }
}
