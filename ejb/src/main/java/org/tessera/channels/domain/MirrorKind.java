package org.tessera.channels.domain;

import java.util.Locale;
import java.util.Optional;

/** What a mirror copies: conda packages from channels, or distributions from a PyPI simple index. */
public enum MirrorKind {
  CONDA,
  PYPI;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public ChannelType channelType() {
    return this == CONDA ? ChannelType.CONDA : ChannelType.PYPI;
  }

  public static Optional<MirrorKind> parse(String value) {
    return ChannelType.parse(value).map(t -> t == ChannelType.CONDA ? CONDA : PYPI);
  }
}
