package org.tessera.projects.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tessera.audit.application.AuditRecord;
import org.tessera.audit.application.AuditService;
import org.tessera.audit.domain.AuditPage;
import org.tessera.audit.domain.AuditQuery;
import org.tessera.identity.application.PermissionService;
import org.tessera.identity.domain.Permission;
import org.tessera.identity.domain.Roles;
import org.tessera.identity.domain.UserProfile;
import org.tessera.projects.domain.ArchiveFormat;
import org.tessera.projects.domain.Collaborator;
import org.tessera.projects.domain.InvalidProjectNameException;
import org.tessera.projects.domain.InvalidProjectRequestException;
import org.tessera.projects.domain.Project;
import org.tessera.projects.domain.ProjectAccess;
import org.tessera.projects.domain.ProjectAccessDeniedException;
import org.tessera.projects.domain.ProjectAlreadyExistsException;
import org.tessera.projects.domain.ProjectCommit;
import org.tessera.projects.domain.ProjectFileEntry;
import org.tessera.projects.domain.ProjectFiles;
import org.tessera.projects.domain.ProjectId;
import org.tessera.projects.domain.ProjectInUseException;
import org.tessera.projects.domain.ProjectName;
import org.tessera.projects.domain.ProjectNotFoundException;
import org.tessera.projects.domain.ProjectRepository;
import org.tessera.projects.domain.ProjectSpec;
import org.tessera.projects.domain.ProjectSpecParser;
import org.tessera.projects.domain.ProjectTag;
import org.tessera.projects.domain.ProjectTemplate;
import org.tessera.projects.domain.ProjectUsage;
import org.tessera.projects.infrastructure.ArchiveExtractor;

/**
 * Project use cases. Creating writes a database row and a git repository: the row is flushed
 * first (so a duplicate name fails before any file is written) and the repository is deleted again
 * if the transaction does not commit, so neither half survives alone. Deleting removes the
 * repository only once the row's deletion has committed.
 */
@Stateless
@Local(ProjectService.class)
@PermitAll
public class ProjectServiceBean implements ProjectService {

  static final String SPEC_FILE = "anaconda-project.yml";
  /** The seed's default commit file size limit, for pushes and uploads alike, until an administrator changes it. */
  public static final int DEFAULT_MAX_FILE_MEGABYTES = 50;
  static final String MAX_FILE_SETTING = "projects.max-file-megabytes";
  static final int MAX_PAGE_SIZE = 500;

  @Inject ProjectRepository projects;
  @Inject ProjectFiles files;
  @Inject org.tessera.shared.infrastructure.SettingRows settings;
  @Inject Instance<ProjectUsage> usages;
  @Inject jakarta.enterprise.event.Event<org.tessera.shared.domain.AccessChanged> accessChanged;
  @EJB PermissionService permissions;
  @EJB AuditService audit;
  @EJB ExternalGitService externalGit;
  @Resource TransactionSynchronizationRegistry transactions;

  @Override
  public Project create(UserProfile caller, String name, String template, String description) {
    ProjectTemplate projectTemplate = ProjectTemplate.selectableByKey(template);
    Project project = newProject(caller, name, description, projectTemplate);
    files.create(
        project.id(),
        templateFiles(projectTemplate, project.name()),
        authorName(caller),
        authorEmail(caller),
        "Create " + project.name() + " from the " + projectTemplate.key() + " template");
    audit.record(AuditRecord.success(caller.username(), "projects.created", target(project), null));
    return project;
  }

  @Override
  public Project createFromArchive(UserProfile caller, String name, String description, Path archive, String fileName) {
    Project project = newProject(caller, name, description, ProjectTemplate.UPLOAD);
    Path unpacked = uploadsDirectory().resolve(project.id().value());
    try {
      int count = new ArchiveExtractor(ArchiveExtractor.Limits.DEFAULT).extract(archive, fileName == null ? "" : fileName, unpacked);
      Path spec = unpacked.resolve(SPEC_FILE);
      if (Files.isRegularFile(spec)) {
        ProjectSpecParser.parse(Files.readString(spec, StandardCharsets.UTF_8)); // refuses an invalid file with line and column
      }
      files.createFrom(project.id(), unpacked, maxFileBytes(), authorName(caller), authorEmail(caller), "Upload " + fileName + " as " + project.name());
      audit.record(new AuditRecord(caller.username(), "projects.uploaded", target(project), null, org.tessera.audit.domain.AuditEvent.Outcome.SUCCESS, count + " files from " + fileName));
      return project;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      ArchiveExtractor.deleteRecursively(unpacked);
    }
  }

  @Override
  public void checkCreate(UserProfile caller, String name) {
    permissions.check(caller, Permission.CREATE_PROJECTS);
    ProjectName projectName = new ProjectName(name);
    if (projects.byOwnerAndName(caller.username(), projectName).isPresent()) {
      throw new ProjectAlreadyExistsException(caller.username(), projectName);
    }
  }

  /** Checks the permission and the name, and adds the row; the repository is undone on rollback. */
  private Project newProject(UserProfile caller, String name, String description, ProjectTemplate template) {
    checkCreate(caller, name);
    ProjectName projectName = new ProjectName(name);
    Project project = new Project(ProjectId.random(), caller.username(), projectName, description, template, OffsetDateTime.now());
    projects.add(project);
    ProjectId id = project.id();
    afterCompletion(status -> {
      if (status != Status.STATUS_COMMITTED) {
        files.delete(id);
      }
    });
    return project;
  }

  @Override
  public List<Project> list(UserProfile caller) {
    return projects.visibleTo(caller.username(), caller.groups());
  }

  @Override
  public Project get(UserProfile caller, String id) {
    ProjectId projectId;
    try {
      projectId = new ProjectId(id);
    } catch (IllegalArgumentException e) {
      throw new ProjectNotFoundException(id);
    }
    return projects.byId(projectId).filter(p -> readable(caller, p)).orElseThrow(() -> new ProjectNotFoundException(id));
  }

  @Override
  public Project getByPath(UserProfile caller, String owner, String name) {
    try {
      return projects.byOwnerAndName(owner, new ProjectName(name)).filter(p -> readable(caller, p)).orElseThrow(() -> new ProjectNotFoundException(owner + "/" + name));
    } catch (InvalidProjectNameException e) {
      throw new ProjectNotFoundException(owner + "/" + name);
    }
  }

  @Override
  public ProjectAccess accessOf(UserProfile caller, Project project) {
    return project.accessOf(caller.username(), caller.groups(), caller.hasRole(Roles.ADMIN)).orElseThrow(() -> new ProjectNotFoundException(project.id().value()));
  }

  @Override
  public Optional<ProjectAccess> memberAccess(UserProfile caller, String id) {
    try {
      return projects.byId(new ProjectId(id)).flatMap(p -> p.accessOf(caller.username(), caller.groups(), false));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  @Override
  public String displayName(String id) {
    try {
      return projects.byId(new ProjectId(id)).map(p -> p.owner() + "/" + p.name()).orElse(id);
    } catch (IllegalArgumentException e) {
      return id;
    }
  }

  private static boolean readable(UserProfile caller, Project project) {
    return project.accessOf(caller.username(), caller.groups(), caller.hasRole(Roles.ADMIN)).isPresent();
  }

  private Project require(UserProfile caller, String id, ProjectAccess needed) {
    Project project = get(caller, id);
    if (!accessOf(caller, project).includes(needed)) {
      throw new ProjectAccessDeniedException(project, needed);
    }
    return project;
  }

  @Override
  public String commitOf(UserProfile caller, String id, String revision) {
    return files.resolve(get(caller, id).id(), revision);
  }

  @Override
  public ProjectSpec spec(UserProfile caller, String id, String revision) {
    Project project = get(caller, id);
    return files.read(project.id(), revision, SPEC_FILE).map(bytes -> ProjectSpecParser.parse(new String(bytes, StandardCharsets.UTF_8))).orElseGet(() -> ProjectSpecParser.parse(""));
  }

  @Override
  public Project share(UserProfile caller, String id, Collaborator.Kind kind, String name, ProjectAccess access) {
    Project project = require(caller, id, ProjectAccess.MANAGE);
    project.share(kind, name, access);
    accessChanged.fire(new org.tessera.shared.domain.AccessChanged(project.id().value(), null));
    audit.record(new AuditRecord(caller.username(), "projects.shared", target(project), null, org.tessera.audit.domain.AuditEvent.Outcome.SUCCESS,
        kind.name().toLowerCase(Locale.ROOT) + " " + name + " " + access.key()));
    return project;
  }

  @Override
  public Project unshare(UserProfile caller, String id, Collaborator.Kind kind, String name) {
    Project project = require(caller, id, ProjectAccess.MANAGE);
    project.unshare(kind, name);
    accessChanged.fire(new org.tessera.shared.domain.AccessChanged(project.id().value(), null));
    audit.record(new AuditRecord(caller.username(), "projects.unshared", target(project), null, org.tessera.audit.domain.AuditEvent.Outcome.SUCCESS,
        kind.name().toLowerCase(Locale.ROOT) + " " + name));
    return project;
  }

  @Override
  public Project transfer(UserProfile caller, String id, String newOwner) {
    Project project = require(caller, id, ProjectAccess.MANAGE);
    String previous = project.owner();
    if (newOwner != null && projects.byOwnerAndName(newOwner.strip(), project.name()).isPresent()) {
      throw new ProjectAlreadyExistsException(newOwner.strip(), project.name());
    }
    project.transferTo(newOwner);
    accessChanged.fire(new org.tessera.shared.domain.AccessChanged(project.id().value(), null));
    audit.record(new AuditRecord(caller.username(), "projects.transferred", target(project), null, org.tessera.audit.domain.AuditEvent.Outcome.SUCCESS,
        "from " + previous + " to " + project.owner()));
    return project;
  }

  @Override
  public List<ProjectCommit> history(UserProfile caller, String id, String revision, int page, int size) {
    checkPage(page, size);
    return files.history(get(caller, id).id(), revision, page * size, size);
  }

  @Override
  public List<ProjectFileEntry> files(UserProfile caller, String id, String revision) {
    return files.files(get(caller, id).id(), revision);
  }

  @Override
  public byte[] file(UserProfile caller, String id, String revision, String path) {
    Project project = get(caller, id);
    return files.read(project.id(), revision, path == null ? "" : path)
        .orElseThrow(() -> new InvalidProjectRequestException("path", "The project has no file '" + path + "' at " + (revision == null ? "main" : revision) + "; list its files with GET .../files."));
  }

  @Override
  public String diff(UserProfile caller, String id, String commit) {
    return files.diff(get(caller, id).id(), commit);
  }

  @Override
  public List<ProjectTag> tags(UserProfile caller, String id) {
    return files.tags(get(caller, id).id());
  }

  @Override
  public ProjectTag tag(UserProfile caller, String id, String name, String revision, String message) {
    Project project = require(caller, id, ProjectAccess.WRITE);
    ProjectTag tag = files.tag(project.id(), name, revision, message, authorName(caller), authorEmail(caller));
    audit.record(new AuditRecord(caller.username(), "projects.tagged", target(project), null, org.tessera.audit.domain.AuditEvent.Outcome.SUCCESS,
        tag.name() + " " + tag.commitId()));
    externalGit.mirror(caller.username(), project.id(), List.of("refs/tags/" + tag.name()));
    return tag;
  }

  @Override
  public void download(UserProfile caller, String id, String revision, ArchiveFormat format, OutputStream out) {
    Project project = get(caller, id);
    String commit = files.resolve(project.id(), revision);
    audit.record(new AuditRecord(caller.username(), "projects.downloaded", target(project), null, org.tessera.audit.domain.AuditEvent.Outcome.SUCCESS,
        (revision == null ? "main" : revision) + " " + commit + " " + format.extension()));
    files.archive(project.id(), commit, format, project.name().value(), out);
  }

  @Override
  public void delete(UserProfile caller, String id) {
    Project project = require(caller, id, ProjectAccess.MANAGE);
    List<String> blockers = new ArrayList<>();
    for (ProjectUsage usage : usages) {
      blockers.addAll(usage.blockers(project.id()));
    }
    if (!blockers.isEmpty()) {
      throw new ProjectInUseException(project, blockers);
    }
    projects.remove(project);
    accessChanged.fire(new org.tessera.shared.domain.AccessChanged(project.id().value(), null));
    ProjectId projectId = project.id();
    afterCompletion(status -> {
      if (status == Status.STATUS_COMMITTED) {
        files.delete(projectId);
      }
    });
    audit.record(AuditRecord.success(caller.username(), "projects.deleted", target(project), null));
  }

  @Override
  public AuditPage activity(UserProfile caller, String id, String action, int page, int size) {
    Project project = get(caller, id);
    return audit.searchOnBehalf(new AuditQuery(null, action, null, null, page, size, "project:" + project.id() + " "));
  }

  @Override
  public Project allowHistoryRewrite(UserProfile caller, String id, boolean allowed) {
    Project project = require(caller, id, ProjectAccess.MANAGE);
    project.allowHistoryRewrite(allowed);
    audit.record(new AuditRecord(caller.username(), "projects.settings-changed", target(project), null, org.tessera.audit.domain.AuditEvent.Outcome.SUCCESS,
        "history rewrites " + (allowed ? "allowed" : "refused")));
    return project;
  }

  @Override
  public long maxFileBytes() {
    return settings.get(MAX_FILE_SETTING).map(Long::parseLong).orElse((long) DEFAULT_MAX_FILE_MEGABYTES) * 1024 * 1024;
  }

  @Override
  public void setMaxFileMegabytes(UserProfile caller, int megabytes) {
    if (!caller.hasRole(Roles.ADMIN)) {
      throw new jakarta.ejb.EJBAccessException("Only administrators set the file size limit.");
    }
    if (megabytes < 1 || megabytes > 1024) {
      throw new InvalidProjectRequestException("maxFileMegabytes", "The file size limit is 1 to 1024 MB.");
    }
    settings.put(MAX_FILE_SETTING, String.valueOf(megabytes));
    audit.record(new AuditRecord(caller.username(), "projects.file-limit-set", "setting:" + MAX_FILE_SETTING, null, org.tessera.audit.domain.AuditEvent.Outcome.SUCCESS, megabytes + " MB"));
  }

  @Override
  public void recordActivity(String username, Project project, String action, String detail) {
    audit.record(new AuditRecord(username, action, target(project), null, org.tessera.audit.domain.AuditEvent.Outcome.SUCCESS, detail));
  }

  @Override
  public void recordPush(String username, Project project, String ref, String commitId, String clientAddress) {
    audit.record(new AuditRecord(username, "projects.pushed", target(project), clientAddress, org.tessera.audit.domain.AuditEvent.Outcome.SUCCESS, ref + " " + commitId));
  }

  private static void checkPage(int page, int size) {
    if (page < 0) {
      throw new InvalidProjectRequestException("page", "The page must be 0 or more; pages start at 0.");
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw new InvalidProjectRequestException("size", "The page size must be between 1 and " + MAX_PAGE_SIZE + ".");
    }
  }

  /** The audit target of everything done to a project; activity finds events by its prefix. */
  static String target(Project project) {
    return "project:" + project.id() + " " + project.owner() + "/" + project.name();
  }

  private void afterCompletion(java.util.function.IntConsumer action) {
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            action.accept(status);
          }
        });
  }

  private static String authorName(UserProfile caller) {
    return caller.name() == null || caller.name().isBlank() ? caller.username() : caller.name();
  }

  private static String authorEmail(UserProfile caller) {
    return caller.email() == null ? caller.username() + "@tessera.local" : caller.email();
  }

  /** Where uploads are unpacked before they are committed; beside the repositories, on the same disk. */
  private static Path uploadsDirectory() {
    Path dir = org.tessera.projects.infrastructure.JGitProjectFiles.root().resolveSibling("uploads");
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The template's files, with the project's name written into its anaconda-project.yml. */
  static Map<String, byte[]> templateFiles(ProjectTemplate template, ProjectName name) {
    String base = "project-templates/" + template.key() + "/";
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (String path : new String(resource(base + "files.txt"), StandardCharsets.UTF_8).split("\n")) {
      if (path.isBlank()) {
        continue;
      }
      byte[] content = resource(base + path.strip());
      if (path.strip().equals(SPEC_FILE)) {
        content = new String(content, StandardCharsets.UTF_8).replace("PROJECT_NAME", name.value()).getBytes(StandardCharsets.UTF_8);
      }
      files.put(path.strip(), content);
    }
    return files;
  }

  private static byte[] resource(String path) {
    try (InputStream in = ProjectServiceBean.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("The build lacks the template file " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
