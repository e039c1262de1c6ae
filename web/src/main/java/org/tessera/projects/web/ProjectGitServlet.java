package org.tessera.projects.web;

import jakarta.ejb.EJB;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.http.server.GitServlet;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.resolver.ServiceNotEnabledException;
import org.tessera.audit.application.AuditRecord;
import org.tessera.audit.application.AuditService;
import org.tessera.projects.application.ProjectService;
import org.tessera.projects.domain.Project;
import org.tessera.projects.infrastructure.FileSizeLimitHook;
import org.tessera.projects.infrastructure.JGitProjectFiles;

/**
 * {@code /git/OWNER/NAME.git}: JGit's smart HTTP server over the project repositories. Who may
 * fetch and push is the project's decision ({@link Project#isVisibleTo}, {@link
 * Project#isWritableBy}); a project the user may not see is reported as missing. Pushes keep the
 * default branch's history (no force push, no deletion), are limited to {@link
 * #MAX_OBJECT_BYTES} per file (checked once the pack is in, so git shows the reason), carry the user as reflog identity, and are audited.
 */
@WebServlet(urlPatterns = "/git/*", loadOnStartup = 1)
public class ProjectGitServlet extends GitServlet {

  /** The seed's default commit file size limit. */
  static final long MAX_OBJECT_BYTES = 50L * 1024 * 1024;

  @EJB ProjectService projects;
  @EJB AuditService audit;

  @Override
  public void init(ServletConfig config) throws ServletException {
    // The repository is closed by JGit's filter when the request completes.
    setRepositoryResolver((HttpServletRequest request, String name) -> open(project(request, name)));
    setReceivePackFactory(
        (HttpServletRequest request, Repository repository) -> {
          String user = user(request);
          Project project;
          try {
            project = project(request, request.getPathInfo());
          } catch (RepositoryNotFoundException e) {
            throw new ServiceNotEnabledException(e.getMessage());
          }
          if (!project.isWritableBy(user)) {
            throw new ServiceNotEnabledException(user + " may read " + project.owner() + "/" + project.name() + " but not push to it.");
          }
          ReceivePack receive = new ReceivePack(repository);
          receive.setAllowNonFastForwards(false);
          receive.setAllowDeletes(false);
          receive.setPreReceiveHook(new FileSizeLimitHook(MAX_OBJECT_BYTES));
          receive.setRefLogIdent(new PersonIdent(user, user + "@tessera.local"));
          receive.setPostReceiveHook(
              (pack, commands) -> {
                for (ReceiveCommand command : commands) {
                  if (command.getResult() == ReceiveCommand.Result.OK) {
                    audit.record(
                        AuditRecord.success(user, "projects.pushed", "project:" + project.id() + " " + command.getRefName() + " " + command.getNewId().name(), request.getRemoteAddr()));
                  }
                }
              });
          return receive;
        });
    super.init(config);
  }

  private Project project(HttpServletRequest request, String path) throws RepositoryNotFoundException {
    String user = user(request);
    String name = path == null ? "" : path.replaceFirst("^/", "");
    int slash = name.indexOf('/');
    if (slash <= 0) {
      throw new RepositoryNotFoundException(name);
    }
    String owner = name.substring(0, slash);
    String project = name.substring(slash + 1).replaceFirst("/.*$", "").replaceFirst("\\.git$", "");
    return projects
        .findByOwnerAndName(owner, project)
        .filter(p -> p.isVisibleTo(user))
        .orElseThrow(() -> new RepositoryNotFoundException(owner + "/" + project + ".git"));
  }

  private static Repository open(Project project) throws RepositoryNotFoundException {
    Optional<Repository> repository = JGitProjectFiles.open(project.id());
    return repository.orElseThrow(() -> new RepositoryNotFoundException(project.owner() + "/" + project.name() + ".git"));
  }

  private static String user(HttpServletRequest request) {
    return (String) request.getAttribute(GitAuthenticationFilter.USER);
  }
}
