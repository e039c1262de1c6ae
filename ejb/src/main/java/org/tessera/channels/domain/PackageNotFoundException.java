package org.tessera.channels.domain;

import jakarta.ejb.ApplicationException;
import org.tessera.shared.domain.DomainException;

/** No such package, version or file in the channel. */
@ApplicationException(rollback = true)
public class PackageNotFoundException extends DomainException {

  public PackageNotFoundException(String message) {
    super(message);
  }
}
