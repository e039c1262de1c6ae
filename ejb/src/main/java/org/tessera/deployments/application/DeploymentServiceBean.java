package org.tessera.deployments.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tessera.audit.application.AuditRecord;
import org.tessera.audit.application.AuditService;
import org.tessera.audit.domain.AuditEvent;
import org.tessera.deployments.domain.Deployment;
import org.tessera.deployments.domain.DeploymentAccessDeniedException;
import org.tessera.deployments.domain.DeploymentExistsException;
import org.tessera.deployments.domain.DeploymentNotFoundException;
import org.tessera.deployments.domain.DeploymentShare;
import org.tessera.deployments.domain.DeploymentToken;
import org.tessera.deployments.domain.DeploymentVersion;
import org.tessera.deployments.domain.InvalidDeploymentRequestException;
import org.tessera.deployments.domain.NotDeployableException;
import org.tessera.deployments.domain.TrafficSplit;
import org.tessera.deployments.infrastructure.DeploymentRows;
import org.tessera.identity.application.PermissionService;
import org.tessera.identity.domain.Permission;
import org.tessera.identity.domain.Roles;
import org.tessera.identity.domain.UserProfile;
import org.tessera.projects.application.ProjectService;
import org.tessera.projects.domain.Project;
import org.tessera.projects.domain.ProjectAccess;
import org.tessera.projects.domain.ProjectId;
import org.tessera.projects.domain.ProjectSpec;
import org.tessera.projects.infrastructure.JGitProjectFiles;
import org.tessera.runtime.application.ResourceProfileService;
import org.tessera.runtime.domain.ResourceProfile;
import org.tessera.runtime.domain.WorkloadKind;
import org.tessera.runtime.domain.WorkloadPhase;
import org.tessera.runtime.domain.WorkloadRuntime;
import org.tessera.runtime.domain.WorkloadSpec;
import org.tessera.runtime.domain.WorkloadStatus;
import org.tessera.shared.infrastructure.SettingRows;

/**
 * Deployments over the configured {@link WorkloadRuntime}: each version of a deployment is a
 * workload of kind {@code app}. Rows are written before workloads start, so a deployment that
 * failed to start is listed with the reason, and terminating removes both.
 */
@Stateless
@Local(DeploymentService.class)
@PermitAll
public class DeploymentServiceBean implements DeploymentService {

  static final String START_TIMEOUT_SETTING = "deployments.start-timeout-seconds";
  private static final int DEFAULT_START_TIMEOUT = 120;
  private static final int MAX_START_TIMEOUT = 3600;
  private static final int FAILURE_LINES = 20;

  @Inject DeploymentRows rows;
  @Inject WorkloadRuntime runtime;
  @Inject SettingRows settings;
  @EJB org.tessera.channels.application.ChannelSettingsService channelSettings;
  @Inject Event<DeploymentChanged> changed;
  @EJB ProjectService projects;
  @EJB ResourceProfileService profiles;
  @EJB PermissionService permissions;
  @EJB AuditService audit;

  @Override
  public DeploymentView create(UserProfile caller, String projectId, DeployRequest request) {
    permissions.check(caller, Permission.DEPLOY);
    Project project = projects.get(caller, projectId);
    if (request.name() == null || request.name().isBlank()) {
      throw new InvalidDeploymentRequestException("name", "Name the deployment, with lowercase letters, digits and dashes, like sales-forecast.");
    }
    String commit = projects.commitOf(caller, projectId, request.revision());
    ProjectSpec spec = projects.spec(caller, projectId, commit);
    String command = deployableCommand(project, spec, request.command());
    ResourceProfile profile = profiles.choose(caller, request.resourceProfile());
    Deployment deployment = new Deployment(request.name(), request.staticUrl(), projectId, caller.username(), command, profile.name(),
        Boolean.TRUE.equals(request.isPublic()), label(request.revision(), commit), commit, OffsetDateTime.now());
    deployment.replaceVariables(request.variables());
    refuseTaken("name", deployment.name(), "name");
    if (deployment.hasStaticUrl()) {
      refuseTaken("staticUrl", deployment.urlPath(), "URL");
    }
    rows.add(deployment);
    start(deployment, deployment.versions().get(0), spec, profile);
    audit.record(new AuditRecord(caller.username(), "deployments.created", target(deployment), null, AuditEvent.Outcome.SUCCESS,
        "command " + command + " of " + project.owner() + "/" + project.name() + " at " + commit + (deployment.isPublic() ? ", public" : ", private")));
    projects.recordActivity(caller.username(), project, "projects.deployed", deployment.name() + " (" + deployment.path() + ") at " + commit);
    return view(deployment, caller);
  }

  private static String deployableCommand(Project project, ProjectSpec spec, String wanted) {
    if (spec.commands().isEmpty()) {
      throw new NotDeployableException("Project " + project.owner() + "/" + project.name() + " has no deployment command, and a project without one cannot be deployed."
          + " Add a command (unix, notebook, bokeh_app or rest_api) under commands: in its anaconda-project.yml.");
    }
    if (wanted == null || wanted.isBlank()) {
      return spec.defaultCommand().orElseThrow().name();
    }
    if (!spec.commands().containsKey(wanted.strip())) {
      throw new InvalidDeploymentRequestException("command", "The project has no command '" + wanted.strip() + "'; choose one of " + spec.commands().keySet() + ".");
    }
    return wanted.strip();
  }

  private static String label(String revision, String commit) {
    return revision == null || revision.isBlank() ? "main@" + commit.substring(0, 8) : revision.strip();
  }

  private void refuseTaken(String field, String value, String what) {
    if (rows.nameOrPathTaken(value)) {
      throw new DeploymentExistsException(field, "The " + what + " '" + value + "' is taken by another deployment (names and URLs are unique on the platform); choose another one.");
    }
  }

  /** Starts a version's workload; a start the runtime refuses at once is kept as the version's failure. */
  private void start(Deployment deployment, DeploymentVersion version, ProjectSpec spec, ResourceProfile profile) {
    String host = "local".equals(runtime.name()) ? "127.0.0.1" : "0.0.0.0";
    LaunchPlan plan = LaunchPlan.of(spec, deployment.command(), host, deployment.path().substring(0, deployment.path().length() - 1), deployment.secret());
    Map<String, String> environment = new HashMap<>(plan.environment());
    environment.putAll(deployment.variables());
    environment.put("TESSERA_DEPLOYMENT_ID", deployment.id());
    environment.put("TESSERA_DEPLOYMENT_VERSION", version.label());
    WorkloadStatus status = runtime.start(new WorkloadSpec(
        version.workloadId(),
        WorkloadKind.APP,
        deployment.owner(),
        deployment.projectId(),
        JGitProjectFiles.directoryOf(new ProjectId(deployment.projectId())).toUri().toString(),
        version.commitId(),
        plan.command(),
        environment,
        plan.files(),
        profile,
        0,
        Map.of("tessera.org/deployment", deployment.id(), "tessera.org/version", version.id()))
        .withDefaultEnvironment(channelSettings.workloadEnvironment()));
    if (status.phase() == WorkloadPhase.FAILED) {
      version.failed(status.reason());
    }
  }

  private void start(UserProfile caller, Deployment deployment, DeploymentVersion version) {
    ProjectSpec spec = projects.spec(caller, deployment.projectId(), version.commitId());
    start(deployment, version, spec, profiles.choose(caller, deployment.profile()));
  }

  @Override
  public List<DeploymentView> list(UserProfile caller, boolean all) {
    boolean everyone = all && caller.hasRole(Roles.ADMIN);
    return rows.all().stream().filter(d -> everyone || d.owner().equals(caller.username()) || d.shares().stream().anyMatch(s -> covers(s, caller)))
        .map(d -> view(d, caller)).toList();
  }

  private static boolean covers(DeploymentShare share, UserProfile user) {
    return share.kind() == DeploymentShare.Kind.USER ? share.name().equals(user.username()) : user.groups().contains(share.name());
  }

  @Override
  public List<DeploymentView> ofProject(UserProfile caller, String projectId) {
    projects.get(caller, projectId);
    return rows.ofProject(projectId).stream().map(d -> view(d, caller)).toList();
  }

  @Override
  public DeploymentView get(UserProfile caller, String id) {
    return view(visible(caller, id), caller);
  }

  /** A deployment the caller may see: they may open it, collaborate on its project, or administer. */
  private Deployment visible(UserProfile caller, String id) {
    Deployment deployment = rows.byId(id).orElseThrow(() -> DeploymentNotFoundException.of(id));
    if (caller.hasRole(Roles.ADMIN) || deployment.admits(caller.username(), caller.groups()) || projects.memberAccess(caller, deployment.projectId()).isPresent()) {
      return deployment;
    }
    throw DeploymentNotFoundException.of(id);
  }

  private Deployment managed(UserProfile caller, String id) {
    Deployment deployment = visible(caller, id);
    if (!mayManage(caller, deployment)) {
      throw new DeploymentAccessDeniedException("Only " + deployment.owner() + ", who deployed " + deployment.name() + ", and administrators may change it.");
    }
    return deployment;
  }

  private static boolean mayManage(UserProfile caller, Deployment deployment) {
    return deployment.owner().equals(caller.username()) || caller.hasRole(Roles.ADMIN);
  }

  @Override
  public void terminate(UserProfile caller, String id) {
    Deployment deployment = managed(caller, id);
    deployment.versions().forEach(v -> runtime.remove(v.workloadId()));
    rows.remove(deployment);
    changed.fire(new DeploymentChanged(deployment.id()));
    audit.record(AuditRecord.success(caller.username(), "deployments.terminated", target(deployment), null));
  }

  @Override
  public DeploymentView restart(UserProfile caller, String id) {
    Deployment deployment = managed(caller, id);
    for (DeploymentVersion version : deployment.versions()) {
      runtime.remove(version.workloadId());
      version.restarted(OffsetDateTime.now());
      start(caller, deployment, version);
    }
    changed.fire(new DeploymentChanged(deployment.id()));
    audit.record(AuditRecord.success(caller.username(), "deployments.restarted", target(deployment), null));
    return view(deployment, caller);
  }

  @Override
  public DeploymentView redeploy(UserProfile caller, String id, String revision, Map<String, String> variables) {
    Deployment deployment = managed(caller, id);
    if (variables != null) {
      deployment.replaceVariables(variables);
    }
    String commit = projects.commitOf(caller, deployment.projectId(), revision);
    ProjectSpec spec = projects.spec(caller, deployment.projectId(), commit);
    if (!spec.commands().containsKey(deployment.command())) {
      throw new NotDeployableException("Version " + label(revision, commit) + " has no command '" + deployment.command() + "', which " + deployment.name()
          + " runs; deploy it as a new deployment instead.");
    }
    List<DeploymentVersion> old = deployment.versions();
    DeploymentVersion version = deployment.replaceVersions(label(revision, commit), commit, OffsetDateTime.now());
    old.forEach(v -> runtime.remove(v.workloadId()));
    rows.add(deployment);
    start(deployment, version, spec, profiles.choose(caller, deployment.profile()));
    changed.fire(new DeploymentChanged(deployment.id()));
    audit.record(new AuditRecord(caller.username(), "deployments.redeployed", target(deployment), null, AuditEvent.Outcome.SUCCESS,
        "at " + commit + (variables == null ? "" : ", variables " + variables.keySet())));
    return view(deployment, caller);
  }

  @Override
  public DeploymentView addVersion(UserProfile caller, String id, String revision) {
    Deployment deployment = managed(caller, id);
    if (revision == null || revision.isBlank()) {
      throw new InvalidDeploymentRequestException("revision", "Name the version to add: a tag, a branch or a commit of the project.");
    }
    String commit = projects.commitOf(caller, deployment.projectId(), revision);
    ProjectSpec spec = projects.spec(caller, deployment.projectId(), commit);
    if (!spec.commands().containsKey(deployment.command())) {
      throw new NotDeployableException("Version " + revision.strip() + " has no command '" + deployment.command() + "', which " + deployment.name() + " runs.");
    }
    DeploymentVersion version = deployment.addVersion(revision.strip(), commit, OffsetDateTime.now());
    rows.add(deployment);
    start(deployment, version, spec, profiles.choose(caller, deployment.profile()));
    changed.fire(new DeploymentChanged(deployment.id()));
    audit.record(new AuditRecord(caller.username(), "deployments.version-added", target(deployment), null, AuditEvent.Outcome.SUCCESS, version.label() + " at " + commit));
    return view(deployment, caller);
  }

  @Override
  public DeploymentView removeVersion(UserProfile caller, String id, String versionId) {
    Deployment deployment = managed(caller, id);
    DeploymentVersion version = deployment.removeVersion(versionId);
    runtime.remove(version.workloadId());
    changed.fire(new DeploymentChanged(deployment.id()));
    audit.record(new AuditRecord(caller.username(), "deployments.version-removed", target(deployment), null, AuditEvent.Outcome.SUCCESS, version.label()));
    return view(deployment, caller);
  }

  @Override
  public DeploymentView split(UserProfile caller, String id, Map<String, TrafficSplit.Route> routes) {
    Deployment deployment = managed(caller, id);
    deployment.split(routes);
    changed.fire(new DeploymentChanged(deployment.id()));
    StringBuilder detail = new StringBuilder();
    deployment.versions().forEach(v -> detail.append(detail.isEmpty() ? "" : ", ").append(v.label()).append(v.group() == null ? " " + v.weight() + "%" : " group " + v.group()));
    audit.record(new AuditRecord(caller.username(), "deployments.split", target(deployment), null, AuditEvent.Outcome.SUCCESS, detail.toString()));
    return view(deployment, caller);
  }

  @Override
  public DeploymentView setPublic(UserProfile caller, String id, boolean isPublic) {
    Deployment deployment = managed(caller, id);
    deployment.makePublic(isPublic);
    changed.fire(new DeploymentChanged(deployment.id()));
    audit.record(AuditRecord.success(caller.username(), isPublic ? "deployments.made-public" : "deployments.made-private", target(deployment), null));
    return view(deployment, caller);
  }

  @Override
  public DeploymentView share(UserProfile caller, String id, DeploymentShare.Kind kind, String name) {
    Deployment deployment = managed(caller, id);
    deployment.share(kind, name);
    changed.fire(new DeploymentChanged(deployment.id()));
    audit.record(AuditRecord.success(caller.username(), "deployments.shared", target(deployment) + " " + kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + name.strip(), null));
    return view(deployment, caller);
  }

  @Override
  public DeploymentView unshare(UserProfile caller, String id, DeploymentShare.Kind kind, String name) {
    Deployment deployment = managed(caller, id);
    deployment.unshare(kind, name);
    changed.fire(new DeploymentChanged(deployment.id()));
    audit.record(AuditRecord.success(caller.username(), "deployments.unshared", target(deployment) + " " + kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + name.strip(), null));
    return view(deployment, caller);
  }

  @Override
  public DeploymentTokenView createToken(UserProfile caller, String id, int expiresInDays) {
    Deployment deployment = managed(caller, id);
    DeploymentToken.Issued issued = DeploymentToken.issue(deployment.id(), caller.username(), expiresInDays, OffsetDateTime.now());
    rows.addToken(issued.token());
    audit.record(new AuditRecord(caller.username(), "deployments.token-created", target(deployment) + " token:" + issued.token().id(), null, AuditEvent.Outcome.SUCCESS,
        "expires " + issued.token().expiresAt()));
    return tokenView(issued.token(), issued.secret());
  }

  @Override
  public List<DeploymentTokenView> tokens(UserProfile caller, String id) {
    Deployment deployment = managed(caller, id);
    return rows.tokensOf(deployment.id()).stream().map(t -> tokenView(t, null)).toList();
  }

  @Override
  public void revokeToken(UserProfile caller, String id, String tokenId) {
    Deployment deployment = managed(caller, id);
    DeploymentToken token = rows.token(tokenId).filter(t -> t.deploymentId().equals(deployment.id()))
        .orElseThrow(() -> new DeploymentNotFoundException("Deployment " + deployment.name() + " has no token " + tokenId + "; list them with GET /api/v1/deployments/" + deployment.id() + "/tokens."));
    token.revoke(OffsetDateTime.now());
    changed.fire(new DeploymentChanged(deployment.id()));
    audit.record(AuditRecord.success(caller.username(), "deployments.token-revoked", target(deployment) + " token:" + tokenId, null));
  }

  private static DeploymentTokenView tokenView(DeploymentToken token, String secret) {
    return new DeploymentTokenView(token.id(), token.createdBy(), token.createdAt().toInstant(), token.expiresAt().toInstant(),
        token.lastUsedAt() == null ? null : token.lastUsedAt().toInstant(), token.revokedAt() == null ? null : token.revokedAt().toInstant(), secret);
  }

  @Override
  public List<String> logs(UserProfile caller, String id, String versionId, int lines) {
    return runtime.logs(logged(caller, id, versionId).workloadId(), Math.max(1, Math.min(lines, 5000)));
  }

  @Override
  public java.io.InputStream followLogs(UserProfile caller, String id, String versionId) {
    return runtime.followLogs(logged(caller, id, versionId).workloadId());
  }

  /** The version whose logs the caller may read: owners, the project's collaborators and administrators. */
  private DeploymentVersion logged(UserProfile caller, String id, String versionId) {
    Deployment deployment = visible(caller, id);
    if (!mayManage(caller, deployment) && projects.memberAccess(caller, deployment.projectId()).isEmpty()) {
      throw new DeploymentAccessDeniedException("The logs of " + deployment.name() + " are for its owner, the project's collaborators and administrators.");
    }
    return versionId == null || versionId.isBlank()
        ? deployment.versions().get(0)
        : deployment.version(versionId).orElseThrow(() -> new DeploymentNotFoundException("Deployment " + deployment.name() + " has no version " + versionId + "."));
  }

  @Override
  public AppAccess access(UserProfile user, String token, String urlPath) {
    // The path form names the URL path; a host under the apps domain may also name the id, as in the seed.
    Optional<Deployment> found = rows.byUrlPath(urlPath).or(() -> rows.byId(urlPath));
    if (found.isEmpty()) {
      return AppAccess.refuse(404, null, null, "There is no deployment at /apps/" + urlPath + "/; it may have been terminated.");
    }
    Deployment deployment = found.get();
    if (token != null) {
      OffsetDateTime now = OffsetDateTime.now();
      Optional<DeploymentToken> known = DeploymentToken.idOf(token).flatMap(rows::token).filter(t -> t.deploymentId().equals(deployment.id()));
      if (known.isEmpty() || !known.get().accepts(token, now)) {
        return AppAccess.refuse(401, deployment.id(), deployment.projectId(), "The token is not valid for " + deployment.name() + ": it is unknown, revoked or expired. Ask the owner for a new one.");
      }
      known.get().markUsed(now);
      return AppAccess.allow(deployment.id(), deployment.projectId(), known.get().expiresAt().toInstant());
    }
    if (user == null) {
      return AppAccess.refuse(401, deployment.id(), deployment.projectId(), "Sign in to Tessera, or send a token of the deployment as Authorization: Bearer TOKEN.");
    }
    if (deployment.admits(user.username(), user.groups()) || projects.memberAccess(user, deployment.projectId()).isPresent()) {
      return AppAccess.allow(deployment.id(), deployment.projectId(), Instant.MAX);
    }
    return AppAccess.refuse(403, deployment.id(), deployment.projectId(), "Deployment " + deployment.name() + " is private; ask " + deployment.owner() + " to share it with you.");
  }

  @Override
  public AppRoute route(String deploymentId) {
    Deployment deployment = rows.byId(deploymentId).orElseThrow(() -> DeploymentNotFoundException.of(deploymentId));
    List<AppRoute.Backend> backends = new ArrayList<>();
    for (DeploymentVersion version : deployment.versions()) {
      if (version.failure() == null) {
        runtime.status(version.workloadId()).filter(WorkloadStatus::reachable).ifPresent(s -> backends.add(
            new AppRoute.Backend(version.id(), version.label(), s.host(), s.port(), new TrafficSplit.Route(version.weight(), version.group()))));
      }
    }
    return new AppRoute(deployment.id(), deployment.urlPath(), deployment.projectId(), deployment.secret(), backends);
  }

  @Override
  public void failStalledStarts() {
    rows.all().forEach(d -> d.versions().forEach(this::versionView));
  }

  private DeploymentView view(Deployment deployment, UserProfile caller) {
    List<DeploymentView.Version> versions = deployment.versions().stream().map(this::versionView).toList();
    return new DeploymentView(deployment, projects.displayName(deployment.projectId()), DeploymentView.overall(versions), versions, mayManage(caller, deployment));
  }

  /** The version's phase; a start that outlasted the timeout is stopped and failed here, with a reason. */
  private DeploymentView.Version versionView(DeploymentVersion version) {
    if (version.failure() != null) {
      return new DeploymentView.Version(version, WorkloadPhase.FAILED, version.failure(), version.startedAt().toInstant(), lastLines(version), null);
    }
    Optional<WorkloadStatus> status = runtime.status(version.workloadId());
    if (status.isEmpty()) {
      return new DeploymentView.Version(version, WorkloadPhase.FAILED, "the runtime has no record of it; restart the deployment", version.startedAt().toInstant(), List.of(), null);
    }
    WorkloadStatus current = status.get();
    int timeout = startTimeoutSeconds();
    if (!current.phase().isFinal() && current.phase() != WorkloadPhase.RUNNING && current.since().isBefore(Instant.now().minus(Duration.ofSeconds(timeout)))) {
      runtime.stop(version.workloadId());
      version.failed("the command did not start serving within " + timeout + " s; it must listen on the port Tessera gives it ($PORT, or --anaconda-project-port"
          + " for commands with supports_http_options), under the URL prefix $URL_PREFIX");
      return new DeploymentView.Version(version, WorkloadPhase.FAILED, version.failure(), Instant.now(), lastLines(version), null);
    }
    List<String> lines = current.phase() == WorkloadPhase.FAILED ? lastLines(version) : List.of();
    return new DeploymentView.Version(version, current.phase(), current.reason(), current.since(), lines, current.phase().isFinal() ? null : runtime.usage(version.workloadId()));
  }

  private List<String> lastLines(DeploymentVersion version) {
    return runtime.logs(version.workloadId(), FAILURE_LINES);
  }

  @Override
  public int startTimeoutSeconds() {
    return settings.get(START_TIMEOUT_SETTING).map(Integer::parseInt).orElse(DEFAULT_START_TIMEOUT);
  }

  @Override
  public void setStartTimeoutSeconds(UserProfile caller, int seconds) {
    if (!caller.hasRole(Roles.ADMIN)) {
      throw new jakarta.ejb.EJBAccessException("Only administrators set the start timeout.");
    }
    if (seconds < 5 || seconds > MAX_START_TIMEOUT) {
      throw new InvalidDeploymentRequestException("startTimeoutSeconds", "Give the start timeout in seconds, from 5 to " + MAX_START_TIMEOUT + ".");
    }
    settings.put(START_TIMEOUT_SETTING, String.valueOf(seconds));
    audit.record(new AuditRecord(caller.username(), "deployments.start-timeout-set", "setting:" + START_TIMEOUT_SETTING, null, AuditEvent.Outcome.SUCCESS, seconds + " s"));
  }

  private static String target(Deployment deployment) {
    return "deployment:" + deployment.id() + " project:" + deployment.projectId();
  }
}
