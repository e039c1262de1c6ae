package org.tessera.projects.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tessera.audit.application.AuditRecord;
import org.tessera.audit.application.AuditService;
import org.tessera.identity.application.PermissionService;
import org.tessera.identity.domain.Permission;
import org.tessera.identity.domain.UserProfile;
import org.tessera.projects.domain.InvalidProjectNameException;
import org.tessera.projects.domain.Project;
import org.tessera.projects.domain.ProjectAlreadyExistsException;
import org.tessera.projects.domain.ProjectFiles;
import org.tessera.projects.domain.ProjectId;
import org.tessera.projects.domain.ProjectName;
import org.tessera.projects.domain.ProjectNotFoundException;
import org.tessera.projects.domain.ProjectRepository;
import org.tessera.projects.domain.ProjectSpec;
import org.tessera.projects.domain.ProjectSpecParser;
import org.tessera.projects.domain.ProjectTemplate;

/**
 * Project use cases. Creating writes a database row and a git repository: the row is flushed
 * first (so a duplicate name fails before any file is written) and the repository is deleted again
 * if the transaction does not commit, so neither half survives alone.
 */
@Stateless
@Local(ProjectService.class)
@PermitAll
public class ProjectServiceBean implements ProjectService {

  static final String SPEC_FILE = "anaconda-project.yml";

  @Inject ProjectRepository projects;
  @Inject ProjectFiles files;
  @EJB PermissionService permissions;
  @EJB AuditService audit;
  @Resource TransactionSynchronizationRegistry transactions;

  @Override
  public Project create(UserProfile caller, String name, String template, String description) {
    permissions.check(caller, Permission.CREATE_PROJECTS);
    ProjectName projectName = new ProjectName(name);
    ProjectTemplate projectTemplate = ProjectTemplate.byKey(template);
    if (projects.byOwnerAndName(caller.username(), projectName).isPresent()) {
      throw new ProjectAlreadyExistsException(caller.username(), projectName);
    }
    Project project = new Project(ProjectId.random(), caller.username(), projectName, description, projectTemplate, OffsetDateTime.now());
    projects.add(project);

    ProjectId id = project.id();
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status != Status.STATUS_COMMITTED) {
              files.delete(id);
            }
          }
        });
    files.create(
        id,
        templateFiles(projectTemplate, projectName),
        caller.name() == null ? caller.username() : caller.name(),
        caller.email() == null ? caller.username() + "@tessera.local" : caller.email(),
        "Create " + projectName + " from the " + projectTemplate.key() + " template");
    audit.record(AuditRecord.success(caller.username(), "projects.created", "project:" + id + " " + caller.username() + "/" + projectName, null));
    return project;
  }

  @Override
  public List<Project> list(UserProfile caller) {
    return projects.visibleTo(caller.username());
  }

  @Override
  public Project get(UserProfile caller, String id) {
    return projects.byId(new ProjectId(id)).filter(p -> p.isVisibleTo(caller.username())).orElseThrow(() -> new ProjectNotFoundException(id));
  }

  @Override
  public ProjectSpec spec(UserProfile caller, String id) {
    Project project = get(caller, id);
    return files.read(project.id(), SPEC_FILE).map(bytes -> ProjectSpecParser.parse(new String(bytes, StandardCharsets.UTF_8))).orElseGet(() -> ProjectSpecParser.parse(""));
  }

  @Override
  public Optional<Project> findByOwnerAndName(String owner, String name) {
    try {
      return projects.byOwnerAndName(owner, new ProjectName(name));
    } catch (InvalidProjectNameException e) {
      return Optional.empty();
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
