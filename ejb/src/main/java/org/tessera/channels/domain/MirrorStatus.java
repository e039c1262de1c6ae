package org.tessera.channels.domain;

import java.util.Locale;

/** Where a mirror run is: waiting, copying, or finished one of three ways. */
public enum MirrorStatus {
  QUEUED,
  RUNNING,
  SUCCEEDED,
  FAILED,
  CANCELLED;

  public boolean finished() {
    return this == SUCCEEDED || this == FAILED || this == CANCELLED;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
