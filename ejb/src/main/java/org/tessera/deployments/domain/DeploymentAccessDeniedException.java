package org.tessera.deployments.domain;

import org.tessera.shared.domain.DomainException;

/** The caller may see the deployment but not change it (only its owner and administrators may). */
public class DeploymentAccessDeniedException extends DomainException {

  public DeploymentAccessDeniedException(String message) {
    super(message);
  }
}
