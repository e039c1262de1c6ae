package org.tessera.deployments.domain;

import org.tessera.shared.domain.DomainException;

/** No deployment with that id (or version, or token) that the caller may see. */
public class DeploymentNotFoundException extends DomainException {

  public DeploymentNotFoundException(String message) {
    super(message);
  }

  public static DeploymentNotFoundException of(String id) {
    return new DeploymentNotFoundException("There is no deployment " + id + " you can see; list yours with GET /api/v1/deployments or: tessera deployments list");
  }
}
