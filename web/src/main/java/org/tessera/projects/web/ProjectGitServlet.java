package org.tessera.projects.web;

import jakarta.ejb.EJB;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.http.server.GitServlet;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.resolver.ServiceNotEnabledException;
import org.tessera.identity.domain.UserProfile;
import org.tessera.projects.application.ExternalGitService;
import org.tessera.projects.application.ProjectService;
import org.tessera.projects.domain.Project;
import org.tessera.projects.domain.ProjectAccess;
import org.tessera.projects.domain.ProjectNotFoundException;
import org.tessera.projects.infrastructure.FileSizeLimitHook;
import org.tessera.projects.infrastructure.JGitProjectFiles;

/**
 * {@code /git/OWNER/NAME.git}: JGit's smart HTTP server over the project repositories. Who may
 * fetch and push is the project's decision ({@link Project#accessOf}); a project the user may not
 * read is reported as missing, and pushing needs write access. Pushes keep the default branch's
 * history (no force push unless the owner allows it, no deletion), are limited to the
 * administrators' file size ({@link ProjectService#maxFileBytes}) per file (checked once the pack is in, so git shows the reason), carry the user as reflog
 * identity, are audited, and are mirrored to the external git service when one is configured.
 */
@WebServlet(urlPatterns = "/git/*", loadOnStartup = 1)
public class ProjectGitServlet extends GitServlet {

  private static final Logger LOG = Logger.getLogger(ProjectGitServlet.class.getName());

  @EJB ProjectService projects;
  @EJB ExternalGitService externalGit;

  @Override
  public void init(ServletConfig config) throws ServletException {
    // The repository is closed by JGit's filter when the request completes.
    setRepositoryResolver((HttpServletRequest request, String name) -> open(project(request, name)));
    setReceivePackFactory(
        (HttpServletRequest request, Repository repository) -> {
          UserProfile user = user(request);
          Project project;
          try {
            project = project(request, request.getPathInfo());
          } catch (RepositoryNotFoundException e) {
            throw new ServiceNotEnabledException(e.getMessage());
          }
          if (!projects.accessOf(user, project).includes(ProjectAccess.WRITE)) {
            throw new ServiceNotEnabledException(user.username() + " may read " + project.owner() + "/" + project.name() + " but not push to it.");
          }
          ReceivePack receive = new ReceivePack(repository);
          receive.setAllowNonFastForwards(project.allowsHistoryRewrite());
          receive.setAllowDeletes(false);
          receive.setPreReceiveHook(new FileSizeLimitHook(projects.maxFileBytes()));
          receive.setRefLogIdent(new PersonIdent(user.username(), user.email() == null ? user.username() + "@tessera.local" : user.email()));
          receive.setPostReceiveHook(
              (pack, commands) -> {
                List<String> refs = new ArrayList<>();
                for (ReceiveCommand command : commands) {
                  if (command.getResult() == ReceiveCommand.Result.OK) {
                    projects.recordPush(user.username(), project, command.getRefName(), command.getNewId().name(), request.getRemoteAddr());
                    refs.add(command.getRefName());
                  }
                }
                try {
                  // Asynchronous: the push is answered at once, and a failing mirror is recorded, not raised.
                  externalGit.mirror(user.username(), project.id(), refs);
                } catch (RuntimeException e) {
                  LOG.log(Level.WARNING, "Could not start mirroring " + project.owner() + "/" + project.name(), e);
                }
              });
          return receive;
        });
    super.init(config);
  }

  private Project project(HttpServletRequest request, String path) throws RepositoryNotFoundException {
    String name = path == null ? "" : path.replaceFirst("^/", "");
    int slash = name.indexOf('/');
    if (slash <= 0) {
      throw new RepositoryNotFoundException(name);
    }
    String owner = name.substring(0, slash);
    String project = name.substring(slash + 1).replaceFirst("/.*$", "").replaceFirst("\\.git$", "");
    try {
      return projects.getByPath(user(request), owner, project);
    } catch (ProjectNotFoundException | jakarta.ejb.EJBException e) {
      throw new RepositoryNotFoundException(owner + "/" + project + ".git");
    }
  }

  private static Repository open(Project project) throws RepositoryNotFoundException {
    Optional<Repository> repository = JGitProjectFiles.open(project.id());
    return repository.orElseThrow(() -> new RepositoryNotFoundException(project.owner() + "/" + project.name() + ".git"));
  }

  private static UserProfile user(HttpServletRequest request) {
    return (UserProfile) request.getAttribute(GitAuthenticationFilter.USER);
  }
}
