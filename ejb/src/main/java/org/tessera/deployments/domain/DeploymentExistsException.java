package org.tessera.deployments.domain;

import org.tessera.shared.domain.DomainException;

/** The name or the URL is taken by another deployment: both are unique on the platform. */
public class DeploymentExistsException extends DomainException {

  private final String field;

  public DeploymentExistsException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
