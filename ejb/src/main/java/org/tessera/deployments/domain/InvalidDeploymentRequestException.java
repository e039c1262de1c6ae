package org.tessera.deployments.domain;

import org.tessera.shared.domain.DomainException;

/** A field of a deployment request is missing or wrong; the message says what is allowed. */
public class InvalidDeploymentRequestException extends DomainException {

  private final String field;

  public InvalidDeploymentRequestException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
