package org.tessera.projects.domain;

import java.util.Optional;

/** Where the external git setting and the projects' mirror states are kept. */
public interface ExternalGitRepository {

  Optional<ExternalGitSettings> settings();

  void save(ExternalGitSettings settings);

  void delete();

  Optional<ProjectMirror> mirrorOf(ProjectId id);

  void save(ProjectMirror mirror);

  /** A user's own credentials for the external service, by Tessera user name. */
  Optional<ExternalGitCredential> credentialOf(String username);

  void save(ExternalGitCredential credential);

  void delete(ExternalGitCredential credential);
}
