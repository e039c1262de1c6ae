package org.tessera.identity.domain;

import jakarta.ejb.ApplicationException;
import org.tessera.shared.domain.DomainException;

/** A permission key that Tessera does not know. */
@ApplicationException(rollback = true)
public class UnknownPermissionException extends DomainException {

  public UnknownPermissionException(String key) {
    super("There is no permission '" + key + "'. Known permissions: deploy.deployers, workspace.users, storage.creators, repository.uploaders.");
  }
}
