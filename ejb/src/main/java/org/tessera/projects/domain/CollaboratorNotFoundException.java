package org.tessera.projects.domain;

import java.util.Locale;
import org.tessera.shared.domain.DomainException;

/** Unsharing a user or group the project is not shared with. */
public class CollaboratorNotFoundException extends DomainException {

  public CollaboratorNotFoundException(Project project, Collaborator.Kind kind, String name) {
    super(project.owner() + "/" + project.name() + " is not shared with the " + kind.name().toLowerCase(Locale.ROOT) + " '" + name
        + "'; list its collaborators with GET /api/v1/projects/" + project.id() + "/collaborators.");
  }
}
