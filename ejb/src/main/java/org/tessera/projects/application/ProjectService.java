package org.tessera.projects.application;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Optional;
import org.tessera.identity.domain.UserProfile;
import org.tessera.projects.domain.Project;
import org.tessera.projects.domain.ProjectSpec;

/** Projects as users see them. */
public interface ProjectService {

  /**
   * Creates a project owned by the caller from a template, with its git repository and first
   * commit. Needs the {@code storage.creators} permission.
   *
   * @param template a template key; null or blank for an empty project
   */
  Project create(@NotNull(message = "A signed-in user is required.") UserProfile caller, String name, String template, String description);

  /** The projects the caller can see, by name. */
  List<Project> list(@NotNull(message = "A signed-in user is required.") UserProfile caller);

  /** @throws org.tessera.projects.domain.ProjectNotFoundException unless the caller can see it */
  Project get(@NotNull(message = "A signed-in user is required.") UserProfile caller, @NotNull(message = "A project id is required.") String id);

  /**
   * The project's anaconda-project.yml on {@code main}, understood.
   *
   * @throws org.tessera.projects.domain.InvalidProjectSpecException with every problem of the file
   */
  ProjectSpec spec(@NotNull(message = "A signed-in user is required.") UserProfile caller, @NotNull(message = "A project id is required.") String id);

  /** For the git endpoint, which checks access itself: the project at {@code OWNER/NAME}. */
  Optional<Project> findByOwnerAndName(String owner, String name);
}
