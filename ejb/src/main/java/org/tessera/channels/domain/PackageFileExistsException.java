package org.tessera.channels.domain;

import jakarta.ejb.ApplicationException;
import org.tessera.shared.domain.DomainException;

/** The channel has a file at that path: a published file never changes under its name. */
@ApplicationException(rollback = true)
public class PackageFileExistsException extends DomainException {

  public PackageFileExistsException(String channel, String path) {
    super("Channel " + channel + " has " + path + " already; a published file is never replaced. "
        + "Build a new version or build number, or delete the file first.");
  }
}
