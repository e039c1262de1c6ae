package org.tessera.sessions.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import java.util.List;
import java.util.logging.Logger;

/** Once a minute, stops sessions idle for longer than the administrators allow. */
@Singleton
public class IdleSessionReaper {

  private static final Logger LOG = Logger.getLogger(IdleSessionReaper.class.getName());

  @EJB SessionService sessions;

  @Schedule(minute = "*", hour = "*", persistent = false, info = "stop idle sessions")
  void reap() {
    List<String> stopped = sessions.stopIdleSessions();
    if (!stopped.isEmpty()) {
      LOG.info("Stopped idle sessions " + stopped);
    }
  }
}
