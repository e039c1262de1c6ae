package org.tessera.projects.domain;

import java.util.List;
import java.util.Optional;

/** Where projects are kept. Implementations join the caller's transaction. */
public interface ProjectRepository {

  void add(Project project);

  Optional<Project> byId(ProjectId id);

  Optional<Project> byOwnerAndName(String owner, ProjectName name);

  /** Projects the user can see, by name. */
  List<Project> visibleTo(String username);
}
