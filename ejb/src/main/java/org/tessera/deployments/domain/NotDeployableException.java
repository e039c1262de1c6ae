package org.tessera.deployments.domain;

import org.tessera.shared.domain.DomainException;

/** The project (at that version) has no command a deployment could run. */
public class NotDeployableException extends DomainException {

  public NotDeployableException(String message) {
    super(message);
  }
}
