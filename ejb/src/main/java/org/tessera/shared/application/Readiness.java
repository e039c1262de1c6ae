package org.tessera.shared.application;

import java.util.List;

/** The outcome of the readiness checks; ready only when every check is up. */
public record Readiness(List<Check> checks) {

  public Readiness {
    checks = List.copyOf(checks);
  }

  public boolean ready() {
    return checks.stream().allMatch(Check::up);
  }

  /** One dependency of Tessera and whether it answers. */
  public record Check(String name, boolean up, String detail) {}
}
