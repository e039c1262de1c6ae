package org.tessera.sessions.domain;

import org.tessera.shared.domain.DomainException;

/** An action that needs a running session (commit, fetch) on one that is not. */
public class SessionNotRunningException extends DomainException {

  public SessionNotRunningException(String id, String phase) {
    super("Session " + id + " is " + phase + "; start a new session to work on the project.");
  }
}
