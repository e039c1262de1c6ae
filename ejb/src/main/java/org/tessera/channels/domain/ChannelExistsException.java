package org.tessera.channels.domain;

import jakarta.ejb.ApplicationException;
import org.tessera.shared.domain.DomainException;

/** A channel of that name exists: names are unique across conda and PyPI channels. */
@ApplicationException(rollback = true)
public class ChannelExistsException extends DomainException {

  public ChannelExistsException(String name) {
    super("A channel named " + name + " exists already; pick another name, or upload to that channel.");
  }
}
