package org.tessera.projects.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.tessera.audit.domain.AuditEvent;
import org.tessera.identity.domain.UserProfile;
import org.tessera.identity.web.CurrentUser;
import org.tessera.projects.application.ExternalGitService;
import org.tessera.projects.application.ProjectService;
import org.tessera.projects.domain.MirrorStatus;
import org.tessera.projects.domain.PullResult;
import org.tessera.projects.domain.Collaborator;
import org.tessera.projects.domain.InvalidProjectSpecException;
import org.tessera.projects.domain.Project;
import org.tessera.projects.domain.ProjectAccess;
import org.tessera.projects.domain.ProjectCommit;
import org.tessera.projects.domain.ProjectFileEntry;
import org.tessera.projects.domain.ProjectSpec;
import org.tessera.projects.domain.ProjectSpecProblem;
import org.tessera.projects.domain.ProjectTag;
import org.tessera.shared.domain.DomainException;
import org.tessera.shared.web.PlatformSettings;

/**
 * Backing bean of {@code project.xhtml}: one project with what its anaconda-project.yml declares
 * (or the file's problems), its versions, history, files, collaborators and activity, and the
 * owner's actions (share, tag, delete), and its external git mirror with a pull button.
 */
@Named
@RequestScoped
public class ProjectView {

  @EJB ProjectService projects;
  @EJB org.tessera.sessions.application.SessionService sessions;
  @EJB org.tessera.runtime.application.ResourceProfileService profiles;
  @EJB ExternalGitService externalGit;
  @Inject CurrentUser currentUser;

  private String editor = "notebook";
  private String profile;

  private String id;
  private Project project;
  private ProjectAccess access;
  private ProjectSpec spec;
  private List<ProjectSpecProblem> problems = List.of();

  private String shareKind = "user";
  private String shareName;
  private String sharePermission = "read";
  private String tagName;
  private String tagMessage;
  private String confirmName;
  private MirrorStatus external;

  private UserProfile user() {
    return currentUser.profile().orElseThrow();
  }

  /**
   * The project's id, also while a postback is decoded: lists inside forms (ui:repeat) are read
   * before the view parameter is set, so the id comes from the request then.
   */
  private String projectId() {
    if (id == null) {
      id = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("id");
    }
    return id;
  }

  /** Loads the project named by the view parameter; called once per request. */
  public void load() {
    if (project != null) {
      return;
    }
    id = projectId();
    project = projects.get(user(), id);
    access = projects.accessOf(user(), project);
    try {
      spec = projects.spec(user(), id, null);
    } catch (InvalidProjectSpecException e) {
      problems = e.problems();
    }
  }

  public String share() {
    return act(() -> projects.share(user(), id, "group".equals(shareKind) ? Collaborator.Kind.GROUP : Collaborator.Kind.USER, shareName, ProjectAccess.shareable(sharePermission)),
        "Shared with " + shareName + ".");
  }

  public String unshare(String kind, String name) {
    return act(() -> projects.unshare(user(), id, Collaborator.Kind.valueOf(kind), name), "Removed " + name + "'s access.");
  }

  public String tag() {
    return act(() -> projects.tag(user(), id, tagName, null, tagMessage), "Tagged the newest commit as " + tagName + ".");
  }

  /** Switches whether pushes may rewrite main's history. */
  public String toggleHistoryRewrite() {
    boolean allow = !projects.get(user(), id).allowsHistoryRewrite();
    return act(() -> projects.allowHistoryRewrite(user(), id, allow), allow ? "Pushes may now rewrite main's history (force push)." : "Pushes may no longer rewrite main's history.");
  }

  /** Starts a session on the project and opens its page. */
  public String startSession() {
    try {
      var started = sessions.start(user(), id, editor, profile);
      return "session.xhtml?faces-redirect=true&id=" + started.session().id();
    } catch (DomainException e) {
      error(e.getMessage());
      return null;
    }
  }

  /** Fast-forwards main from the external repository; the message says what happened or what to do. */
  public String pull() {
    try {
      PullResult result = externalGit.pull(user(), id);
      FacesContext.getCurrentInstance().getExternalContext().getFlash().put("done", result.message()
          + (result.tagsAdded().isEmpty() ? "" : " New versions: " + String.join(", ", result.tagsAdded()) + "."));
      return "project.xhtml?faces-redirect=true&id=" + id;
    } catch (DomainException e) {
      error(e.getMessage());
      return null;
    }
  }

  public List<org.tessera.sessions.domain.Editor> getEditors() {
    return org.tessera.sessions.domain.Editor.available();
  }

  public List<org.tessera.runtime.application.ResourceProfileService.Listed> getProfiles() {
    return profiles.list(user());
  }

  public String getEditor() {
    return editor;
  }

  public void setEditor(String editor) {
    this.editor = editor;
  }

  public String getProfile() {
    return profile;
  }

  public void setProfile(String profile) {
    this.profile = profile;
  }

  /** Where the project is mirrored; computed once per request. */
  public MirrorStatus getExternal() {
    load();
    if (external == null) {
      external = externalGit.status(user(), id);
    }
    return external;
  }

  /** Deletes after the user typed the project's name, as a guard against the wrong project. */
  public String delete() {
    Project current = projects.get(user(), id);
    if (confirmName == null || !confirmName.strip().equals(current.name().value())) {
      error("Type the project's name, " + current.name() + ", to confirm that it should be deleted.");
      return null;
    }
    try {
      projects.delete(user(), id);
      return "projects.xhtml?faces-redirect=true";
    } catch (DomainException e) {
      error(e.getMessage());
      return null;
    }
  }

  private String act(Runnable action, String done) {
    try {
      action.run();
      FacesContext.getCurrentInstance().getExternalContext().getFlash().put("done", done);
      return "project.xhtml?faces-redirect=true&id=" + id;
    } catch (DomainException e) {
      error(e.getMessage());
      return null;
    }
  }

  private static void error(String message) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
  }

  public Project getProject() {
    return project;
  }

  public String getAccess() {
    return access == null ? "" : access.key();
  }

  public boolean isManager() {
    load();
    return access != null && access.includes(ProjectAccess.MANAGE);
  }

  public boolean isWriter() {
    load();
    return access != null && access.includes(ProjectAccess.WRITE);
  }

  public ProjectSpec getSpec() {
    return spec;
  }

  public List<ProjectSpec.Command> getCommands() {
    return spec == null ? List.of() : List.copyOf(spec.commands().values());
  }

  public List<ProjectSpec.Variable> getVariables() {
    return spec == null ? List.of() : List.copyOf(spec.variables().values());
  }

  public List<ProjectSpecProblem> getProblems() {
    return problems;
  }

  public List<ProjectCommit> getCommits() {
    load();
    return projects.history(user(), id, null, 0, 20);
  }

  public List<ProjectTag> getTags() {
    load();
    return projects.tags(user(), id);
  }

  public List<ProjectFileEntry> getFiles() {
    load();
    return projects.files(user(), id, null);
  }

  public List<AuditEvent> getActivity() {
    load();
    return projects.activity(user(), id, null, 0, 20).events();
  }

  public List<Collaborator> getCollaborators() {
    load();
    return project.collaborators();
  }

  public String getGitUrl() {
    return PlatformSettings.publicUrl() + "/git/" + project.owner() + "/" + project.name() + ".git";
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getShareKind() {
    return shareKind;
  }

  public void setShareKind(String shareKind) {
    this.shareKind = shareKind;
  }

  public String getShareName() {
    return shareName;
  }

  public void setShareName(String shareName) {
    this.shareName = shareName;
  }

  public String getSharePermission() {
    return sharePermission;
  }

  public void setSharePermission(String sharePermission) {
    this.sharePermission = sharePermission;
  }

  public String getTagName() {
    return tagName;
  }

  public void setTagName(String tagName) {
    this.tagName = tagName;
  }

  public String getTagMessage() {
    return tagMessage;
  }

  public void setTagMessage(String tagMessage) {
    this.tagMessage = tagMessage;
  }

  public String getConfirmName() {
    return confirmName;
  }

  public void setConfirmName(String confirmName) {
    this.confirmName = confirmName;
  }
}
