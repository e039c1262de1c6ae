package org.tessera.channels.domain;

import jakarta.ejb.ApplicationException;
import org.tessera.shared.domain.DomainException;

/**
 * An uploaded file is not a package this channel can publish: corrupt, of the wrong kind, with
 * unsafe paths, or with metadata that disagrees with its name. Nothing of it is kept.
 */
@ApplicationException(rollback = true)
public class PackageRejectedException extends DomainException {

  public PackageRejectedException(String message) {
    super(message);
  }
}
