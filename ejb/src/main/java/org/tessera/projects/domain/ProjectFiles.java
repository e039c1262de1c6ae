package org.tessera.projects.domain;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The project repositories on disk. Implementations are bare git repositories under the data
 * directory, one per {@link ProjectId}. A {@code revision} is anything git resolves (a branch, a
 * tag, a commit id); null means the newest commit of {@code main}.
 */
public interface ProjectFiles {

  /**
   * Creates the repository with one commit holding the files, on branch {@code main}.
   *
   * @throws IllegalStateException if a repository for the id exists already
   */
  void create(ProjectId id, Map<String, byte[]> files, String authorName, String authorEmail, String message);

  /**
   * Creates the repository with one commit holding every file under {@code directory}, streamed
   * from disk; a file over {@code maxFileBytes} is refused with its name.
   */
  void createFrom(ProjectId id, Path directory, long maxFileBytes, String authorName, String authorEmail, String message);

  /** A file of a revision, if the repository, the revision and the file exist. */
  Optional<byte[]> read(ProjectId id, String revision, String path);

  /** A file of the newest commit of {@code main}. */
  default Optional<byte[]> read(ProjectId id, String path) {
    return read(id, null, path);
  }

  /** Newest first, following first parents and merges alike. */
  List<ProjectCommit> history(ProjectId id, String revision, int skip, int limit);

  List<ProjectFileEntry> files(ProjectId id, String revision);

  /** The unified diff of a commit against its first parent (against nothing for the first commit). */
  String diff(ProjectId id, String commit);

  List<ProjectTag> tags(ProjectId id);

  /** Creates an annotated tag; refuses names git refuses and names that exist. */
  ProjectTag tag(ProjectId id, String name, String revision, String message, String taggerName, String taggerEmail);

  /** Writes the files of a revision as an archive whose entries sit under {@code prefix/}. */
  void archive(ProjectId id, String revision, ArchiveFormat format, String prefix, OutputStream out);

  /** The full id of a revision; refuses revisions that do not exist. */
  String resolve(ProjectId id, String revision);

  /** Deletes the repository; used to undo a creation whose transaction rolled back. */
  void delete(ProjectId id);
}
