package org.tessera.projects.domain;

import java.util.List;
import java.util.Optional;

/** Where projects are kept. Implementations join the caller's transaction. */
public interface ProjectRepository {

  void add(Project project);

  Optional<Project> byId(ProjectId id);

  Optional<Project> byOwnerAndName(String owner, ProjectName name);

  void remove(Project project);

  /** Projects the user owns or that are shared with them or one of their groups, by name. */
  List<Project> visibleTo(String username, java.util.Collection<String> groups);

  /** Every project, by owner and name; for administrative jobs such as migrating to external git. */
  List<Project> all();
}
