package org.tessera.channels.domain;

import jakarta.ejb.ApplicationException;
import org.tessera.shared.domain.DomainException;

/**
 * A channel archive to import is not one Tessera exported, or it was changed since, or it is larger
 * than the import limit ({@link #tooLarge()}): nothing of it was published.
 */
@ApplicationException(rollback = true)
public class ChannelArchiveRejectedException extends DomainException {

  private final boolean tooLarge;

  public ChannelArchiveRejectedException(String message) {
    this(message, false);
  }

  public ChannelArchiveRejectedException(String message, boolean tooLarge) {
    super(message);
    this.tooLarge = tooLarge;
  }

  /** Refused for its size alone, before anything in it was read. */
  public boolean tooLarge() {
    return tooLarge;
  }
}
