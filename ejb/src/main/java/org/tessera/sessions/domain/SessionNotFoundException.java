package org.tessera.sessions.domain;

import org.tessera.shared.domain.DomainException;

/** No session with that id that the caller may see. */
public class SessionNotFoundException extends DomainException {

  public SessionNotFoundException(String id) {
    super("There is no session " + id + " you can see; list yours with GET /api/v1/sessions or: tessera sessions list");
  }
}
