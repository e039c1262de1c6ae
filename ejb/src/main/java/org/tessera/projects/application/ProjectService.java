package org.tessera.projects.application;

import jakarta.validation.constraints.NotNull;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import org.tessera.audit.domain.AuditPage;
import org.tessera.identity.domain.UserProfile;
import org.tessera.projects.domain.ArchiveFormat;
import org.tessera.projects.domain.Collaborator;
import org.tessera.projects.domain.Project;
import org.tessera.projects.domain.ProjectAccess;
import org.tessera.projects.domain.ProjectCommit;
import org.tessera.projects.domain.ProjectFileEntry;
import org.tessera.projects.domain.ProjectSpec;
import org.tessera.projects.domain.ProjectTag;

/**
 * Projects as users see them. Every method takes the caller and checks their access: a project
 * the caller may not read is reported as not found, one they may read but not change as denied.
 */
public interface ProjectService {

  /**
   * Creates a project owned by the caller from a template, with its git repository and first
   * commit. Needs the {@code storage.creators} permission.
   *
   * @param template a template key; null or blank for an empty project
   */
  Project create(@NotNull(message = "A signed-in user is required.") UserProfile caller, String name, String template, String description);

  /**
   * Refuses early what {@link #createFromArchive} would refuse before reading the archive: the
   * permission, the name, a name in use. Lets the API answer before a large upload is received.
   */
  void checkCreate(@NotNull(message = "A signed-in user is required.") UserProfile caller, String name);

  /**
   * Creates a project from an uploaded archive already on disk ({@code .tar.gz}, {@code .tar.bz2},
   * {@code .zip}); unsafe or oversized archives and invalid anaconda-project.yml files are refused
   * and leave nothing behind.
   */
  Project createFromArchive(@NotNull(message = "A signed-in user is required.") UserProfile caller, String name, String description, @NotNull(message = "An archive is required.") Path archive, String fileName);

  /** The projects the caller owns or that are shared with them or their groups, by name. */
  List<Project> list(@NotNull(message = "A signed-in user is required.") UserProfile caller);

  /** @throws org.tessera.projects.domain.ProjectNotFoundException unless the caller can read it */
  Project get(@NotNull(message = "A signed-in user is required.") UserProfile caller, @NotNull(message = "A project id is required.") String id);

  /** The project at {@code OWNER/NAME} as the git endpoint names it, if the caller can read it. */
  Project getByPath(@NotNull(message = "A signed-in user is required.") UserProfile caller, String owner, String name);

  /**
   * The caller's access as owner or collaborator, ignoring the administrator role: for what only
   * members may use, such as a session's editor.
   */
  java.util.Optional<ProjectAccess> memberAccess(@NotNull(message = "A signed-in user is required.") UserProfile caller, @NotNull(message = "A project id is required.") String id);

  /** {@code owner/name} of a project for lists that show it, or the id when it is gone. */
  String displayName(String id);

  /** What the caller may do with a project they can read. */
  ProjectAccess accessOf(@NotNull(message = "A signed-in user is required.") UserProfile caller, @NotNull(message = "A project is required.") Project project);

  /** The commit a version, branch or commit id names (the default branch when blank). */
  String commitOf(@NotNull(message = "A signed-in user is required.") UserProfile caller, @NotNull(message = "A project id is required.") String id, String revision);

  /**
   * The project's anaconda-project.yml at a revision (null: newest on {@code main}), understood.
   *
   * @throws org.tessera.projects.domain.InvalidProjectSpecException with every problem of the file
   */
  ProjectSpec spec(@NotNull(message = "A signed-in user is required.") UserProfile caller, @NotNull(message = "A project id is required.") String id, String revision);

  /** Shares the project with a user or group (owner or administrator only). */
  Project share(@NotNull(message = "A signed-in user is required.") UserProfile caller, @NotNull(message = "A project id is required.") String id, Collaborator.Kind kind, String name, ProjectAccess access);

  Project unshare(@NotNull(message = "A signed-in user is required.") UserProfile caller, @NotNull(message = "A project id is required.") String id, Collaborator.Kind kind, String name);

  /** Gives the project to another user, who must not own a project of that name already. */
  Project transfer(@NotNull(message = "A signed-in user is required.") UserProfile caller, @NotNull(message = "A project id is required.") String id, String newOwner);

  List<ProjectCommit> history(@NotNull(message = "A signed-in user is required.") UserProfile caller, @NotNull(message = "A project id is required.") String id, String revision, int page, int size);

  List<ProjectFileEntry> files(@NotNull(message = "A signed-in user is required.") UserProfile caller, @NotNull(message = "A project id is required.") String id, String revision);

  /** One file's content (up to 1 MB; larger files are cloned or downloaded). */
  byte[] file(@NotNull(message = "A signed-in user is required.") UserProfile caller, @NotNull(message = "A project id is required.") String id, String revision, String path);

  String diff(@NotNull(message = "A signed-in user is required.") UserProfile caller, @NotNull(message = "A project id is required.") String id, String commit);

  List<ProjectTag> tags(@NotNull(message = "A signed-in user is required.") UserProfile caller, @NotNull(message = "A project id is required.") String id);

  /** Tags a commit as a version (write access). */
  ProjectTag tag(@NotNull(message = "A signed-in user is required.") UserProfile caller, @NotNull(message = "A project id is required.") String id, String name, String revision, String message);

  /** Writes a revision as an archive to {@code out}; audited as a download. */
  void download(@NotNull(message = "A signed-in user is required.") UserProfile caller, @NotNull(message = "A project id is required.") String id, String revision, ArchiveFormat format, OutputStream out);

  /**
   * Deletes the project and its repository (owner or administrator). Refused while sessions,
   * deployments or jobs use it, naming them.
   */
  void delete(@NotNull(message = "A signed-in user is required.") UserProfile caller, @NotNull(message = "A project id is required.") String id);

  /** What happened to the project, newest first; {@code action} filters by prefix (e.g. {@code projects.shared}). */
  AuditPage activity(@NotNull(message = "A signed-in user is required.") UserProfile caller, @NotNull(message = "A project id is required.") String id, String action, int page, int size);

  /** Lets pushes rewrite the default branch's history, or stops them again (owner or administrator). */
  Project allowHistoryRewrite(@NotNull(message = "A signed-in user is required.") UserProfile caller, @NotNull(message = "A project id is required.") String id, boolean allowed);

  /** The largest file a commit may carry, in bytes (the administrators' setting; the seed's 50 MB by default). */
  long maxFileBytes();

  /** Sets the largest file a commit may carry (administrators), 1 to 1024 MB. */
  void setMaxFileMegabytes(@NotNull(message = "A signed-in user is required.") UserProfile caller, int megabytes);

  /** Records something done to the project elsewhere (a session's commit) on its trail. */
  void recordActivity(String username, Project project, String action, String detail);

  /** Records a push through git on the project's trail. */
  void recordPush(String username, Project project, String ref, String commitId, String clientAddress);
}
