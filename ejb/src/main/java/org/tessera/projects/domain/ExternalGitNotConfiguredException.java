package org.tessera.projects.domain;

import jakarta.ejb.ApplicationException;
import org.tessera.shared.domain.DomainException;

/** An action needs the external git service, and none is configured or it is switched off. */
@ApplicationException(rollback = true)
public class ExternalGitNotConfiguredException extends DomainException {

  public ExternalGitNotConfiguredException() {
    super("No external git service is configured and enabled; an administrator sets one with PUT /api/v1/admin/external-git,"
        + " on Admin → External git, or with: tessera admin git set.");
  }
}
