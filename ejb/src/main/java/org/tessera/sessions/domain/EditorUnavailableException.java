package org.tessera.sessions.domain;

import org.tessera.shared.domain.DomainException;

/** An editor that is unknown or not installed. */
public class EditorUnavailableException extends DomainException {

  public EditorUnavailableException(String message) {
    super(message);
  }
}
