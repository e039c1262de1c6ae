package org.tessera.sessions.application;

import jakarta.validation.constraints.NotNull;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.tessera.identity.domain.UserProfile;
import org.tessera.projects.domain.ConflictResolution;
import org.tessera.projects.domain.SyncReport;

/** Editor sessions. */
public interface SessionService {

  /**
   * Starts an editor on a checkout of the project's {@code main} (write access to the project).
   *
   * @param editor notebook (default), jupyterlab or zeppelin, when installed
   * @param profile a resource profile visible to the caller; blank for the default
   */
  SessionView start(@NotNull(message = "A signed-in user is required.") UserProfile caller, @NotNull(message = "A project id is required.") String projectId, String editor, String profile);

  /** The caller's sessions, newest first (all sessions for administrators with {@code all}). */
  List<SessionView> list(@NotNull(message = "A signed-in user is required.") UserProfile caller, boolean all);

  /** A session its owner, a collaborator of its project or an administrator may see. */
  SessionView get(@NotNull(message = "A signed-in user is required.") UserProfile caller, @NotNull(message = "A session id is required.") String id);

  /** Stops the editor (owner or administrator); uncommitted changes end with the session. */
  SessionView stop(@NotNull(message = "A signed-in user is required.") UserProfile caller, @NotNull(message = "A session id is required.") String id);

  /**
   * Stops the editor if it runs and starts it again on the same checkout, so changes that are not
   * committed are kept (local runtime); owner or administrator, with write access to the project.
   */
  SessionView restart(@NotNull(message = "A signed-in user is required.") UserProfile caller, @NotNull(message = "A session id is required.") String id);

  /** The editor's output from the start and then as it comes, until the session ends; the caller closes it. */
  java.io.InputStream followLogs(@NotNull(message = "A signed-in user is required.") UserProfile caller, @NotNull(message = "A session id is required.") String id);

  /** The last lines of the editor's output. */
  List<String> logs(@NotNull(message = "A signed-in user is required.") UserProfile caller, @NotNull(message = "A session id is required.") String id, int lines);

  /** Files changed in the session since its last sync with the project. */
  Set<String> changes(@NotNull(message = "A signed-in user is required.") UserProfile caller, @NotNull(message = "A session id is required.") String id);

  /**
   * Commits the session's changes (all, or {@code paths}) to the project as the caller, after
   * pulling the project's other changes; conflicts stop it unless {@code proceed}. A {@code tag}
   * names the new commit as a version.
   */
  SyncReport commit(@NotNull(message = "A signed-in user is required.") UserProfile caller, @NotNull(message = "A session id is required.") String id, String message, Collection<String> paths, boolean proceed, String tag);

  /** Pulls the project's changes into the session; conflicts need a resolution. */
  SyncReport fetch(@NotNull(message = "A signed-in user is required.") UserProfile caller, @NotNull(message = "A session id is required.") String id, ConflictResolution resolution);

  /** Minutes without activity after which sessions are stopped; 0 means never. */
  int idleMinutes();

  /** Sets the idle time (administrators); 0 switches idle stopping off. */
  void setIdleMinutes(@NotNull(message = "A signed-in user is required.") UserProfile caller, int minutes);

  /** When the session's editor last saw traffic or kernel activity, if it says. */
  java.util.Optional<java.time.Instant> lastActivity(@NotNull(message = "A signed-in user is required.") UserProfile caller, @NotNull(message = "A session id is required.") String id);

  /** Stops every running session idle for longer than {@link #idleMinutes()}; returns their ids. */
  List<String> stopIdleSessions();

  /**
   * For the proxy: where a running session is, if the caller may use it (its owner or a
   * collaborator of its project, administrators included only as such); otherwise 404 for an
   * unknown or stopped session, 403 for someone else's, 503 while it starts.
   */
  ProxyDecision proxyDecision(@NotNull(message = "A signed-in user is required.") UserProfile caller, @NotNull(message = "A session id is required.") String id);
}
