package org.tessera.deployments.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.tessera.deployments.application.DeployRequest;
import org.tessera.deployments.application.DeploymentService;
import org.tessera.deployments.application.DeploymentView;
import org.tessera.identity.application.PermissionService;
import org.tessera.identity.domain.Permission;
import org.tessera.identity.domain.UserProfile;
import org.tessera.identity.web.CurrentUser;
import org.tessera.shared.domain.DomainException;

/** The Deploy form and the deployments list of {@code project.xhtml}. */
@Named
@RequestScoped
public class ProjectDeploymentsPage {

  @EJB DeploymentService deployments;
  @EJB PermissionService permissions;
  @Inject CurrentUser currentUser;

  private String name;
  private String command;
  private String revision;
  private String profile;
  private boolean isPublic;
  private String staticUrl;
  private String variables;
  private List<DeploymentView> list;

  private UserProfile user() {
    return currentUser.profile().orElseThrow();
  }

  private static String projectId() {
    return FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("id");
  }

  public boolean isDeployer() {
    return permissions.allows(user(), Permission.DEPLOY);
  }

  public List<DeploymentView> getDeployments() {
    if (list == null) {
      try {
        list = projectId() == null ? List.of() : deployments.ofProject(user(), projectId());
      } catch (DomainException e) {
        list = List.of();
      }
    }
    return list;
  }

  public String deploy() {
    try {
      DeploymentView view = deployments.create(user(), projectId(), new DeployRequest(name, command, revision, profile, isPublic, staticUrl, VariablesText.parse(variables)));
      return "/deployment.xhtml?faces-redirect=true&id=" + view.deployment().id();
    } catch (DomainException e) {
      FacesContext.getCurrentInstance().addMessage("deploy", new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
      return null;
    }
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getCommand() {
    return command;
  }

  public void setCommand(String command) {
    this.command = command;
  }

  public String getRevision() {
    return revision;
  }

  public void setRevision(String revision) {
    this.revision = revision;
  }

  public String getProfile() {
    return profile;
  }

  public void setProfile(String profile) {
    this.profile = profile;
  }

  public boolean isPublic() {
    return isPublic;
  }

  public void setPublic(boolean isPublic) {
    this.isPublic = isPublic;
  }

  public String getStaticUrl() {
    return staticUrl;
  }

  public void setStaticUrl(String staticUrl) {
    this.staticUrl = staticUrl;
  }

  public String getVariables() {
    return variables;
  }

  public void setVariables(String variables) {
    this.variables = variables;
  }
}
