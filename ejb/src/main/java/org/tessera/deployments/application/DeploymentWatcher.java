package org.tessera.deployments.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;

/** Every 15 seconds, gives up on deployment versions that did not start serving in time. */
@Singleton
public class DeploymentWatcher {

  @EJB DeploymentService deployments;

  @Schedule(second = "*/15", minute = "*", hour = "*", persistent = false, info = "fail stalled deployment starts")
  void watch() {
    deployments.failStalledStarts();
  }
}
