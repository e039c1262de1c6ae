package org.tessera.projects.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tessera.audit.application.AuditRecord;
import org.tessera.audit.application.AuditService;
import org.tessera.audit.domain.AuditEvent.Outcome;
import org.tessera.identity.domain.Roles;
import org.tessera.identity.domain.UserProfile;
import org.tessera.projects.domain.ExternalGitCredential;
import org.tessera.projects.domain.ExternalGitCredentialMissingException;
import org.tessera.projects.domain.ExternalGitFailedException;
import org.tessera.projects.domain.ExternalGitNotConfiguredException;
import org.tessera.projects.domain.ExternalGitRepository;
import org.tessera.projects.domain.ExternalGitRequest;
import org.tessera.projects.domain.ExternalGitSettings;
import org.tessera.projects.domain.MigrationResult;
import org.tessera.projects.domain.MirrorStatus;
import org.tessera.projects.domain.Project;
import org.tessera.projects.domain.ProjectAccess;
import org.tessera.projects.domain.ProjectAccessDeniedException;
import org.tessera.projects.domain.ProjectId;
import org.tessera.projects.domain.ProjectMirror;
import org.tessera.projects.domain.ProjectRepository;
import org.tessera.projects.domain.PullRefusedException;
import org.tessera.projects.domain.PullResult;
import org.tessera.projects.infrastructure.ExternalGitTransport;
import org.tessera.projects.infrastructure.SecretCipher;

/**
 * External git use cases. Each project is pushed and pulled with its owner's own credentials (the
 * seed: users add their personal access token, and the service grants each user access to their
 * repositories); the administrator's service account is used only where the seed uses it: to
 * create repositories through the service's API and to migrate existing projects. Network work (pushes, pulls, migrations) runs outside any transaction,
 * so a slow service never holds a database transaction open; each outcome is then recorded in a
 * transaction of its own. Work on one project's remote is serialised, so two quick pushes do not
 * race each other to the external service.
 */
@Stateless
@Local(ExternalGitService.class)
@PermitAll
public class ExternalGitServiceBean implements ExternalGitService {

  private static final Logger LOG = Logger.getLogger(ExternalGitServiceBean.class.getName());
  private static final Map<String, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

  @Inject ExternalGitRepository repository;
  @Inject ProjectRepository projects;
  @EJB ProjectService projectService;
  @EJB AuditService audit;
  @Resource SessionContext context;

  private ExternalGitService self() {
    return context.getBusinessObject(ExternalGitService.class);
  }

  @Override
  @RolesAllowed(Roles.ADMIN)
  public Optional<ExternalGitSettings> settings(UserProfile caller) {
    return repository.settings();
  }

  @Override
  @RolesAllowed(Roles.ADMIN)
  public ExternalGitSettings save(UserProfile caller, ExternalGitRequest request) {
    ExternalGitRequest body = request == null ? new ExternalGitRequest(null, null, null, null, null, null, null, null) : request;
    boolean newToken = body.authToken() != null && !body.authToken().isBlank();
    String sealed = newToken ? SecretCipher.forDataDirectory().encrypt(body.authToken().strip()) : null;
    OffsetDateTime now = OffsetDateTime.now();
    Optional<ExternalGitSettings> existing = repository.settings();
    ExternalGitSettings settings;
    if (existing.isPresent()) {
      settings = existing.get();
      settings.apply(body, sealed, caller.username(), now);
    } else {
      settings = ExternalGitSettings.from(body, sealed, caller.username(), now);
      repository.save(settings);
    }
    audit.record(new AuditRecord(caller.username(), "external-git.changed", "external-git", null, Outcome.SUCCESS,
        "type=" + settings.type().key() + " url=" + settings.url() + " credentialUrl=" + settings.credentialUrl() + " repository=" + settings.repository()
            + " organization=" + settings.organization() + " username=" + settings.username() + " enabled=" + settings.enabled()
            + " token=" + (newToken ? "changed" : "kept")));
    return settings;
  }

  @Override
  @RolesAllowed(Roles.ADMIN)
  public void remove(UserProfile caller) {
    if (repository.settings().isPresent()) {
      repository.delete();
      audit.record(AuditRecord.success(caller.username(), "external-git.removed", "external-git", null));
    }
  }

  @Override
  public Optional<ExternalGitCredentialSummary> credential(UserProfile caller) {
    return repository.credentialOf(caller.username()).map(ExternalGitServiceBean::summary);
  }

  @Override
  public ExternalGitCredentialSummary setCredential(UserProfile caller, String gitUsername, String token) {
    ExternalGitCredential.validate(gitUsername, token);
    String sealed = SecretCipher.forDataDirectory().encrypt(token.strip());
    OffsetDateTime now = OffsetDateTime.now();
    Optional<ExternalGitCredential> existing = repository.credentialOf(caller.username());
    ExternalGitCredential credential;
    if (existing.isPresent()) {
      credential = existing.get();
      credential.replace(gitUsername, sealed, now);
    } else {
      credential = new ExternalGitCredential(caller.username(), gitUsername, sealed, now);
      repository.save(credential);
    }
    audit.record(new AuditRecord(caller.username(), "external-git.credential-set", "user:" + caller.username(), null, Outcome.SUCCESS,
        "git user " + credential.gitUsername() + (existing.isPresent() ? ", token replaced" : ", token added")));
    return summary(credential);
  }

  @Override
  public void removeCredential(UserProfile caller) {
    Optional<ExternalGitCredential> existing = repository.credentialOf(caller.username());
    if (existing.isPresent()) {
      repository.delete(existing.get());
      audit.record(AuditRecord.success(caller.username(), "external-git.credential-removed", "user:" + caller.username(), null));
    }
  }

  private static ExternalGitCredentialSummary summary(ExternalGitCredential credential) {
    return new ExternalGitCredentialSummary(credential.gitUsername(), true, credential.updatedAt());
  }

  @Override
  @RolesAllowed(Roles.ADMIN)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public List<MigrationResult> migrate(UserProfile caller) {
    ExternalGitSettings settings = enabledSettings();
    List<MigrationResult> report = new ArrayList<>();
    for (Project project : projects.all()) {
      String remote = settings.remoteUrl(project);
      Optional<String> error = push(settings, project, List.of("refs/heads/*:refs/heads/*", "refs/tags/*:refs/tags/*"), true, true, caller.username(), "projects.migrated");
      report.add(new MigrationResult(project.id().value(), project.owner(), project.name().value(), remote,
          error.isEmpty() ? MigrationResult.Status.MIGRATED : MigrationResult.Status.FAILED, error.orElse(null)));
    }
    long failed = report.stream().filter(r -> r.status() == MigrationResult.Status.FAILED).count();
    audit.record(new AuditRecord(caller.username(), "external-git.migrated", "external-git", null, failed == 0 ? Outcome.SUCCESS : Outcome.FAILURE,
        report.size() + " projects, " + failed + " failed"));
    return report;
  }

  @Override
  public MirrorStatus status(UserProfile caller, String projectId) {
    Project project = projectService.get(caller, projectId);
    Optional<ExternalGitSettings> settings = repository.settings().filter(ExternalGitSettings::enabled);
    String remote = settings.map(s -> s.remoteUrl(project)).orElse(null);
    MirrorStatus status = repository.mirrorOf(project.id()).map(m -> m.status(settings.isPresent(), remote))
        .orElse(new MirrorStatus(settings.isPresent(), remote, null, null, null, null, null, null));
    boolean ownerHasToken = repository.credentialOf(project.owner()).isPresent();
    return settings.isPresent() && !ownerHasToken ? status.withCredentialProblem(ExternalGitCredentialMissingException.message(project.owner())) : status;
  }

  @Override
  public PullResult pull(UserProfile caller, String projectId) {
    Project project = projectService.get(caller, projectId);
    if (!projectService.accessOf(caller, project).includes(ProjectAccess.WRITE)) {
      throw new ProjectAccessDeniedException(project, ProjectAccess.WRITE);
    }
    ExternalGitSettings settings = enabledSettings();
    String remote = settings.remoteUrl(project);
    String target = ProjectServiceBean.target(project);
    PullResult result;
    try {
      ExternalGitTransport owners = ownerTransport(project);
      result = locked(project.id(), () -> owners.pull(project.id(), remote, projectService.maxFileBytes()));
    } catch (ExternalGitCredentialMissingException e) {
      audit.record(new AuditRecord(caller.username(), "projects.pulled", target, null, Outcome.FAILURE, e.getMessage()));
      throw e;
    } catch (PullRefusedException e) {
      audit.record(new AuditRecord(caller.username(), "projects.pulled", target, null, Outcome.FAILURE, e.getMessage()));
      throw e;
    } catch (ExternalGitTransport.MirrorException | IllegalStateException e) {
      audit.record(new AuditRecord(caller.username(), "projects.pulled", target, null, Outcome.FAILURE, e.getMessage()));
      throw new ExternalGitFailedException(e.getMessage());
    }
    ProjectMirror mirror = repository.mirrorOf(project.id()).orElseGet(() -> new ProjectMirror(project.id()));
    mirror.pulled(remote, OffsetDateTime.now());
    repository.save(mirror);
    audit.record(new AuditRecord(caller.username(), "projects.pulled", target, null, Outcome.SUCCESS,
        "main " + abbreviate(result.before()) + ".." + abbreviate(result.after()) + (result.tagsAdded().isEmpty() ? "" : ", tags " + String.join(" ", result.tagsAdded()))
            + " from " + remote));
    return result;
  }

  @Override
  @Asynchronous
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void mirror(String actor, ProjectId id, List<String> refs) {
    try {
      Optional<ExternalGitSettings> settings = repository.settings().filter(ExternalGitSettings::enabled);
      Optional<Project> project = projects.byId(id);
      if (settings.isEmpty() || project.isEmpty() || refs.isEmpty()) {
        return;
      }
      boolean first = repository.mirrorOf(id).map(m -> !m.everPushed()).orElse(true);
      push(settings.get(), project.get(), refs.stream().map(ref -> ref + ":" + ref).toList(), first, false, actor, "projects.mirror-failed");
    } catch (RuntimeException e) {
      // Background work: nobody waits for it, so the log is the only place left to tell.
      LOG.log(Level.WARNING, "Mirroring project " + id + " failed unexpectedly", e);
    }
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void recordAttempt(ProjectId id, String actor, String action, String remoteUrl, String pushed, String error) {
    Optional<Project> project = projects.byId(id);
    if (project.isEmpty()) {
      return; // deleted meanwhile: nothing left to record on
    }
    ProjectMirror mirror = repository.mirrorOf(id).orElseGet(() -> new ProjectMirror(id));
    if (error == null) {
      mirror.pushed(remoteUrl, pushed, OffsetDateTime.now());
    } else {
      mirror.failed(remoteUrl, error, OffsetDateTime.now());
    }
    repository.save(mirror);
    String target = ProjectServiceBean.target(project.get());
    if (error != null) {
      audit.record(new AuditRecord(actor, action, target, null, Outcome.FAILURE, error));
    } else if (action.equals("projects.migrated")) {
      audit.record(new AuditRecord(actor, action, target, null, Outcome.SUCCESS, "to " + remoteUrl + ": " + pushed));
    }
  }

  /**
   * Pushes and records the outcome; returns the error message, if any. The repository is created
   * with the service account; the push goes with the owner's token, or the service account's when
   * {@code asService} (migration).
   */
  private Optional<String> push(ExternalGitSettings settings, Project project, List<String> refSpecs, boolean ensureRepository, boolean asService, String actor, String action) {
    String remote = settings.remoteUrl(project);
    String pushed = null;
    String error = null;
    try {
      ExternalGitTransport service = transport(settings);
      ExternalGitTransport pusher = asService ? service : ownerTransport(project);
      pushed = locked(project.id(), () -> {
        if (ensureRepository) {
          service.ensureRepository(settings.type(), settings.url(), settings.organization(), settings.repositoryName(project),
              "Tessera project " + project.owner() + "/" + project.name());
        }
        return pusher.push(project.id(), remote, refSpecs);
      });
    } catch (RuntimeException e) {
      error = e.getMessage() == null ? e.getClass().getSimpleName() + "; see the server log." : e.getMessage();
    }
    try {
      self().recordAttempt(project.id(), actor, action, remote, pushed, error);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not record the mirror attempt of project " + project.id(), e);
    }
    return Optional.ofNullable(error);
  }

  private ExternalGitSettings enabledSettings() {
    return repository.settings().filter(ExternalGitSettings::enabled).orElseThrow(ExternalGitNotConfiguredException::new);
  }

  private static ExternalGitTransport transport(ExternalGitSettings settings) {
    String token = settings.encryptedToken() == null ? null : SecretCipher.forDataDirectory().decrypt(settings.encryptedToken());
    return new ExternalGitTransport(settings.username(), token);
  }

  /** The project owner's own credentials for the external service. */
  private ExternalGitTransport ownerTransport(Project project) {
    ExternalGitCredential credential = repository.credentialOf(project.owner()).orElseThrow(() -> new ExternalGitCredentialMissingException(project.owner()));
    String token;
    try {
      token = SecretCipher.forDataDirectory().decrypt(credential.encryptedToken());
    } catch (IllegalStateException e) {
      throw new ExternalGitFailedException("The personal access token of " + project.owner() + " for the external git service cannot be decrypted (the key file"
          + " of the data directory was replaced); " + project.owner() + " enters it again under Access tokens → External git credentials.");
    }
    return new ExternalGitTransport(credential.gitUsername(), token,
        "the personal access token of " + project.owner() + " (git user " + credential.gitUsername() + ") under Access tokens → External git credentials");
  }

  private static <T> T locked(ProjectId id, Supplier<T> work) {
    ReentrantLock lock = LOCKS.computeIfAbsent(id.value(), k -> new ReentrantLock());
    lock.lock();
    try {
      return work.get();
    } finally {
      lock.unlock();
    }
  }

  private static String abbreviate(String commit) {
    return commit == null ? "(none)" : commit.substring(0, Math.min(10, commit.length()));
  }
}
