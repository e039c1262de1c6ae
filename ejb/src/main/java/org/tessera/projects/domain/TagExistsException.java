package org.tessera.projects.domain;

import org.tessera.shared.domain.DomainException;

/** A version name that is taken already; versions are never moved. */
public class TagExistsException extends DomainException {

  public TagExistsException(String name) {
    super("Version '" + name + "' exists already and versions are never moved; choose another name.");
  }
}
