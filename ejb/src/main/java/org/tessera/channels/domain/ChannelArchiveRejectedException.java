package org.tessera.channels.domain;

import jakarta.ejb.ApplicationException;
import org.tessera.shared.domain.DomainException;

/** A channel archive to import is not one Tessera exported, or it was changed since: nothing of it was published. */
@ApplicationException(rollback = true)
public class ChannelArchiveRejectedException extends DomainException {

  public ChannelArchiveRejectedException(String message) {
    super(message);
  }
}
