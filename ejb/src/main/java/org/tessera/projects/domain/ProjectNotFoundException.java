package org.tessera.projects.domain;

import jakarta.ejb.ApplicationException;
import org.tessera.shared.domain.DomainException;

/** No project by that id that the caller may see (the same answer either way, so ids do not leak). */
@ApplicationException(rollback = true)
public class ProjectNotFoundException extends DomainException {

  public ProjectNotFoundException(String id) {
    super("There is no project '" + id + "' that you can see. List yours with GET /api/v1/projects.");
  }
}
