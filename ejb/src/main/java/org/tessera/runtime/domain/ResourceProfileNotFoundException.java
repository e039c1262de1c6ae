package org.tessera.runtime.domain;

import org.tessera.shared.domain.DomainException;

/** No (visible) profile of that name. */
public class ResourceProfileNotFoundException extends DomainException {

  public ResourceProfileNotFoundException(String name) {
    super("There is no resource profile '" + name + "'; list them with GET /api/v1/resource-profiles.");
  }
}
