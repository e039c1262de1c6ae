package org.tessera.runtime.domain;

import java.util.List;

/** Running things that use a resource profile (sessions, deployments); each such context provides one. */
public interface ResourceProfileUsage {

  /** Short lines a user can act on, e.g. "session 3f2a… of ada (running)". */
  List<String> usersOf(String profile);
}
