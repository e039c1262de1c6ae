package org.tessera.shared.application;

/** Whether this Tessera instance can serve requests. */
public interface HealthService {

  /** Checks the database and the schema; never throws. */
  Readiness readiness();
}
