package org.tessera.projects.domain;

import jakarta.ejb.ApplicationException;
import org.tessera.shared.domain.DomainException;

/** A project's owner has no personal access token for the external git service, which its push or pull needs. */
@ApplicationException(rollback = true)
public class ExternalGitCredentialMissingException extends DomainException {

  public ExternalGitCredentialMissingException(String owner) {
    super(message(owner));
  }

  /** The sentence the project page, the API and the mirror record show. */
  public static String message(String owner) {
    return "The project's owner " + owner + " has not added a personal access token for the external git service, so Tessera cannot push or pull"
        + " as them. " + owner + " adds it under Access tokens → External git credentials (PUT /api/v1/me/external-git-credential,"
        + " or: tessera tokens external set); new pushes are then mirrored.";
  }
}
