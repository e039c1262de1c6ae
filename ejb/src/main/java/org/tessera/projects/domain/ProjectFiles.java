package org.tessera.projects.domain;

import java.util.Map;
import java.util.Optional;

/**
 * The project repositories on disk. Implementations are bare git repositories under the data
 * directory, one per {@link ProjectId}.
 */
public interface ProjectFiles {

  /**
   * Creates the repository with one commit holding the files, on branch {@code main}.
   *
   * @throws IllegalStateException if a repository for the id exists already
   */
  void create(ProjectId id, Map<String, byte[]> files, String authorName, String authorEmail, String message);

  /** A file of the newest commit of {@code main}, if the repository and the file exist. */
  Optional<byte[]> read(ProjectId id, String path);

  /** Deletes the repository; used to undo a creation whose transaction rolled back. */
  void delete(ProjectId id);
}
