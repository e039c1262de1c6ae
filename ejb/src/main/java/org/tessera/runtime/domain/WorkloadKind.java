package org.tessera.runtime.domain;

import java.util.Locale;

/** What a workload is for; part of its name and labels ({@code tessera-session-...}). */
public enum WorkloadKind {
  SESSION,
  APP,
  JOB;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
