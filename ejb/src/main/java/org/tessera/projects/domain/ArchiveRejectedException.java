package org.tessera.projects.domain;

import jakarta.ejb.ApplicationException;
import org.tessera.shared.domain.DomainException;

/**
 * An uploaded project archive that Tessera will not unpack: unsafe (paths leaving the project,
 * links, devices), too large, or not an archive. Nothing of it is kept.
 */
@ApplicationException(rollback = true)
public class ArchiveRejectedException extends DomainException {

  public ArchiveRejectedException(String message) {
    super(message);
  }
}
