package org.tessera.sessions.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.lib.PersonIdent;
import org.tessera.audit.application.AuditRecord;
import org.tessera.audit.application.AuditService;
import org.tessera.identity.domain.Roles;
import org.tessera.identity.domain.UserProfile;
import org.tessera.projects.application.ProjectService;
import org.tessera.projects.domain.ConflictResolution;
import org.tessera.projects.domain.Project;
import org.tessera.projects.domain.ProjectAccess;
import org.tessera.projects.domain.ProjectAccessDeniedException;
import org.tessera.projects.domain.ProjectNotFoundException;
import org.tessera.projects.domain.SyncReport;
import org.tessera.projects.infrastructure.JGitProjectFiles;
import org.tessera.projects.infrastructure.JGitWorkingCopy;
import org.tessera.runtime.application.ResourceProfileService;
import org.tessera.runtime.domain.ResourceProfile;
import org.tessera.runtime.domain.WorkloadKind;
import org.tessera.runtime.domain.WorkloadPhase;
import org.tessera.runtime.domain.WorkloadRuntime;
import org.tessera.runtime.domain.WorkloadSpec;
import org.tessera.runtime.domain.WorkloadStatus;
import org.tessera.runtime.infrastructure.LocalRuntime;
import org.tessera.sessions.domain.Editor;
import org.tessera.sessions.domain.Session;
import org.tessera.sessions.domain.SessionNotFoundException;
import org.tessera.sessions.domain.SessionNotRunningException;
import org.tessera.sessions.infrastructure.SessionRows;
import org.tessera.shared.domain.AccessChanged;

/**
 * Sessions over the configured {@link WorkloadRuntime}. The session row is written first and the
 * workload started after, so a session that failed to start is still listed with the reason.
 */
@Stateless
@Local(SessionService.class)
@PermitAll
public class SessionServiceBean implements SessionService {

  /** What a checkout ignores beside the project's own .gitignore: editor state, not work. */
  private static final String EXCLUDES = ".ipynb_checkpoints/\n__pycache__/\n.virtual_documents/\n";

  @Inject SessionRows sessions;
  @Inject WorkloadRuntime runtime;
  @Inject Event<AccessChanged> accessChanged;
  @Inject org.tessera.shared.infrastructure.SettingRows settings;
  @Inject org.tessera.sessions.infrastructure.JupyterActivity activity;
  @EJB ProjectService projects;
  @EJB ResourceProfileService profiles;
  @EJB AuditService audit;
  @EJB org.tessera.channels.application.ChannelSettingsService channelSettings;

  @Override
  public SessionView start(UserProfile caller, String projectId, String editorKey, String profileName) {
    Project project = projects.get(caller, projectId);
    if (!projects.accessOf(caller, project).includes(ProjectAccess.WRITE)) {
      throw new ProjectAccessDeniedException(project, ProjectAccess.WRITE);
    }
    Editor editor = Editor.chosen(editorKey);
    ResourceProfile profile = profiles.choose(caller, profileName);
    Session session = new Session(project.id().value(), caller.username(), editor, profile.name(), OffsetDateTime.now());
    sessions.add(session);
    WorkloadStatus status = runtime.start(spec(session, project, editor, profile).withDefaultEnvironment(channelSettings.workloadEnvironment()));
    if (runtime instanceof LocalRuntime local && Files.isDirectory(local.workingDirectory(session.id()).resolve(".git"))) {
      excludeEditorFiles(local.workingDirectory(session.id()));
    }
    audit.record(new AuditRecord(caller.username(), "sessions.started", "session:" + session.id() + " project:" + project.id(), null,
        org.tessera.audit.domain.AuditEvent.Outcome.SUCCESS, editor.key() + " on profile " + profile.name()));
    return view(session, project, status);
  }

  @Override
  public SessionView restart(UserProfile caller, String id) {
    Session session = owned(caller, id);
    Project project = projects.get(caller, session.projectId());
    if (!projects.accessOf(caller, project).includes(ProjectAccess.WRITE) && !caller.hasRole(Roles.ADMIN)) {
      throw new ProjectAccessDeniedException(project, ProjectAccess.WRITE);
    }
    ResourceProfile profile = profiles.choose(caller, session.profile());
    session.markRestarted();
    WorkloadStatus status = runtime.restart(spec(session, project, Editor.chosen(session.editor()), profile).withDefaultEnvironment(channelSettings.workloadEnvironment()));
    // The editor listens on a new port now: the proxy must not use its cached target.
    accessChanged.fire(new AccessChanged(null, session.id()));
    audit.record(AuditRecord.success(caller.username(), "sessions.restarted", "session:" + session.id() + " project:" + session.projectId(), null));
    return view(session, project, status);
  }

  private static WorkloadSpec spec(Session session, Project project, Editor editor, ResourceProfile profile) {
    return new WorkloadSpec(
        session.id(),
        WorkloadKind.SESSION,
        session.owner(),
        project.id().value(),
        JGitProjectFiles.directoryOf(project.id()).toUri().toString(),
        null,
        command(editor, session),
        Map.of("TESSERA_SESSION_ID", session.id(), "TESSERA_PROJECT", project.owner() + "/" + project.name()),
        Map.of(),
        profile,
        0,
        Map.of("tessera.org/session", session.id()));
  }

  /** The editor's command line: it listens on the runtime's port under the proxy's path, and trusts only the secret. */
  private static List<String> command(Editor editor, Session session) {
    return switch (editor) {
      case NOTEBOOK, JUPYTERLAB -> List.of(
          editor.program(),
          "--no-browser",
          "--ip=127.0.0.1",
          "--port={port}",
          "--NotebookApp.base_url=" + session.path(),
          "--NotebookApp.token=" + session.secret(),
          "--NotebookApp.password=",
          "--NotebookApp.allow_remote_access=True",
          "--NotebookApp.trust_xheaders=True",
          // Containers and CI machines often run Tessera as root; the notebook refuses that otherwise.
          "--allow-root");
      case ZEPPELIN -> List.of(editor.program(), "run");
    };
  }

  private static void excludeEditorFiles(Path checkout) {
    try {
      Path exclude = checkout.resolve(".git/info/exclude");
      Files.createDirectories(exclude.getParent());
      Files.writeString(exclude, EXCLUDES);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public List<SessionView> list(UserProfile caller, boolean all) {
    List<Session> found = all && caller.hasRole(Roles.ADMIN) ? sessions.all() : sessions.ownedBy(caller.username());
    return found.stream().map(s -> view(s, null, null)).toList();
  }

  @Override
  public SessionView get(UserProfile caller, String id) {
    Session session = visible(caller, id);
    return view(session, null, null);
  }

  private Session visible(UserProfile caller, String id) {
    Session session = sessions.byId(id).orElseThrow(() -> new SessionNotFoundException(id));
    if (session.owner().equals(caller.username()) || caller.hasRole(Roles.ADMIN)) {
      return session;
    }
    try {
      projects.get(caller, session.projectId());
      return session;
    } catch (ProjectNotFoundException e) {
      throw new SessionNotFoundException(id);
    }
  }

  private Session owned(UserProfile caller, String id) {
    Session session = visible(caller, id);
    if (!session.owner().equals(caller.username()) && !caller.hasRole(Roles.ADMIN)) {
      throw new SessionNotFoundException(id);
    }
    return session;
  }

  @Override
  public SessionView stop(UserProfile caller, String id) {
    Session session = owned(caller, id);
    runtime.stop(session.id());
    session.markStopped(OffsetDateTime.now());
    accessChanged.fire(new AccessChanged(null, session.id()));
    audit.record(AuditRecord.success(caller.username(), "sessions.stopped", "session:" + session.id() + " project:" + session.projectId(), null));
    return view(session, null, null);
  }

  @Override
  public java.io.InputStream followLogs(UserProfile caller, String id) {
    return runtime.followLogs(visible(caller, id).id());
  }

  @Override
  public List<String> logs(UserProfile caller, String id, int lines) {
    return runtime.logs(visible(caller, id).id(), Math.max(1, Math.min(lines, 5000)));
  }

  @Override
  public Set<String> changes(UserProfile caller, String id) {
    try (JGitWorkingCopy copy = workingCopy(owned(caller, id))) {
      return copy.localChanges();
    }
  }

  @Override
  public SyncReport commit(UserProfile caller, String id, String message, Collection<String> paths, boolean proceed, String tag) {
    Session session = owned(caller, id);
    Project project = projects.get(caller, session.projectId());
    if (!projects.accessOf(caller, project).includes(ProjectAccess.WRITE)) {
      throw new ProjectAccessDeniedException(project, ProjectAccess.WRITE);
    }
    if (message == null || message.isBlank()) {
      throw new org.tessera.projects.domain.InvalidProjectRequestException("message", "Describe the change in a commit message.");
    }
    SyncReport report;
    try (JGitWorkingCopy copy = workingCopy(session)) {
      String name = caller.name() == null || caller.name().isBlank() ? caller.username() : caller.name();
      report = copy.commit(message, paths, proceed, new PersonIdent(name, caller.email() == null ? caller.username() + "@tessera.local" : caller.email()));
    }
    if (report.commitId() != null) {
      projects.recordActivity(caller.username(), project, "projects.committed", report.commitId() + " from session " + session.id() + ": " + message.strip());
      if (tag != null && !tag.isBlank()) {
        projects.tag(caller, project.id().value(), tag, report.commitId(), message);
      }
    }
    return report;
  }

  @Override
  public SyncReport fetch(UserProfile caller, String id, ConflictResolution resolution) {
    try (JGitWorkingCopy copy = workingCopy(owned(caller, id))) {
      return copy.fetch(resolution);
    }
  }

  private JGitWorkingCopy workingCopy(Session session) {
    WorkloadPhase phase = runtime.status(session.id()).map(WorkloadStatus::phase).orElse(WorkloadPhase.STOPPED);
    if (session.isStopped() || phase.isFinal()) {
      throw new SessionNotRunningException(session.id(), phase.name().toLowerCase(java.util.Locale.ROOT));
    }
    if (!(runtime instanceof LocalRuntime local)) {
      throw new SessionNotRunningException(session.id(), "on " + runtime.name() + ", where commits are made with git inside the session");
    }
    return JGitWorkingCopy.open(local.workingDirectory(session.id()));
  }

  static final String IDLE_SETTING = "sessions.idle-minutes";
  static final int MAX_IDLE_MINUTES = 60 * 24 * 30;

  @Override
  public int idleMinutes() {
    return settings.get(IDLE_SETTING).map(Integer::parseInt).orElse(0);
  }

  @Override
  public void setIdleMinutes(UserProfile caller, int minutes) {
    if (!caller.hasRole(Roles.ADMIN)) {
      throw new jakarta.ejb.EJBAccessException("Only administrators set the idle time.");
    }
    if (minutes < 0 || minutes > MAX_IDLE_MINUTES) {
      throw new org.tessera.projects.domain.InvalidProjectRequestException("idleMinutes", "Give the idle time in minutes, from 0 (never stop idle sessions) to " + MAX_IDLE_MINUTES + ".");
    }
    settings.put(IDLE_SETTING, String.valueOf(minutes));
    audit.record(new AuditRecord(caller.username(), "sessions.idle-time-set", "setting:" + IDLE_SETTING, null, org.tessera.audit.domain.AuditEvent.Outcome.SUCCESS, minutes + " minutes"));
  }

  @Override
  public Optional<java.time.Instant> lastActivity(UserProfile caller, String id) {
    return lastActivity(visible(caller, id));
  }

  private Optional<java.time.Instant> lastActivity(Session session) {
    return runtime.status(session.id()).filter(WorkloadStatus::reachable).flatMap(s -> activity.lastActivity(s.host(), s.port(), session.path(), session.secret()));
  }

  @Override
  public List<String> stopIdleSessions() {
    int minutes = idleMinutes();
    if (minutes == 0) {
      return List.of();
    }
    java.time.Instant limit = java.time.Instant.now().minus(java.time.Duration.ofMinutes(minutes));
    List<String> stopped = new java.util.ArrayList<>();
    for (Session session : sessions.notStopped()) {
      Optional<java.time.Instant> last = lastActivity(session);
      if (last.isPresent() && last.get().isBefore(limit)) {
        runtime.stop(session.id());
        session.markStopped(OffsetDateTime.now());
        accessChanged.fire(new AccessChanged(null, session.id()));
        audit.record(new AuditRecord("tessera", "sessions.stopped-idle", "session:" + session.id() + " project:" + session.projectId(), null,
            org.tessera.audit.domain.AuditEvent.Outcome.SUCCESS, "idle since " + last.get() + " (limit " + minutes + " minutes); owner " + session.owner()));
        stopped.add(session.id());
      }
    }
    return stopped;
  }

  @Override
  public ProxyDecision proxyDecision(UserProfile caller, String id) {
    Optional<Session> found = sessions.byId(id);
    if (found.isEmpty()) {
      return ProxyDecision.refuse(404, null, "There is no session " + id + ".");
    }
    Session session = found.get();
    if (!session.owner().equals(caller.username()) && projects.memberAccess(caller, session.projectId()).isEmpty()) {
      return ProxyDecision.refuse(403, session.projectId(), "Session " + id + " belongs to " + session.owner() + "; only the owner and the project's collaborators may open it.");
    }
    Optional<WorkloadStatus> status = runtime.status(session.id());
    if (session.isStopped() || status.isEmpty() || status.get().phase().isFinal()) {
      String why = session.isStopped() ? "was stopped" : status.map(s -> "ended: " + s.reason()).orElse("is gone");
      return ProxyDecision.refuse(404, session.projectId(), "Session " + id + " " + why + ". Start a new session from the project.");
    }
    if (!status.get().reachable()) {
      return ProxyDecision.refuse(503, session.projectId(), "Session " + id + " is still starting; try again in a few seconds.");
    }
    return ProxyDecision.forward(new ProxyTarget(session.id(), session.projectId(), status.get().host(), status.get().port(), session.secret()));
  }

  private SessionView view(Session session, Project known, WorkloadStatus status) {
    WorkloadStatus current = status != null ? status : runtime.status(session.id()).orElse(null);
    WorkloadPhase phase = session.isStopped() ? WorkloadPhase.STOPPED : current == null ? WorkloadPhase.FAILED : current.phase();
    String reason = session.isStopped() ? "stopped" : current == null ? "the runtime has no record of it" : current.reason();
    String project = known == null ? projects.displayName(session.projectId()) : known.owner() + "/" + known.name();
    return new SessionView(session, project, phase, reason, current == null ? session.createdAt().toInstant() : current.since(), runtime.usage(session.id()));
  }
}
