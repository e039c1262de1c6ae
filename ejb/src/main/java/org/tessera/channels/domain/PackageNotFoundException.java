package org.tessera.channels.domain;

import org.tessera.shared.domain.DomainException;

/** No such package, version or file in the channel. */
public class PackageNotFoundException extends DomainException {

  public PackageNotFoundException(String message) {
    super(message);
  }
}
