package org.tessera.deployments.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.tessera.deployments.application.DeploymentService;
import org.tessera.deployments.application.DeploymentView;
import org.tessera.identity.domain.Roles;
import org.tessera.identity.domain.UserProfile;
import org.tessera.identity.web.CurrentUser;
import org.tessera.shared.domain.DomainException;

/** Backing bean of {@code deployments.xhtml}: mine and those shared with me (administrators: everyone's). */
@Named
@RequestScoped
public class DeploymentsPage {

  @EJB DeploymentService deployments;
  @Inject CurrentUser currentUser;

  private boolean all;
  private List<DeploymentView> list;

  private UserProfile user() {
    return currentUser.profile().orElseThrow();
  }

  public List<DeploymentView> getDeployments() {
    if (list == null) {
      list = deployments.list(user(), all);
    }
    return list;
  }

  public boolean isAdmin() {
    return user().hasRole(Roles.ADMIN);
  }

  public String terminate(String id) {
    try {
      deployments.terminate(user(), id);
      list = null;
      FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Deployment terminated; its resources are free.", null));
    } catch (DomainException e) {
      FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
    }
    return null;
  }

  public static String age(Instant since) {
    long minutes = Duration.between(since, Instant.now()).toMinutes();
    return minutes < 60 ? minutes + " min" : minutes < 60 * 48 ? (minutes / 60) + " h " + (minutes % 60) + " min" : (minutes / 60 / 24) + " days";
  }

  public String ageOf(DeploymentView view) {
    return age(view.deployment().createdAt().toInstant());
  }

  /** CPU and memory of the deployment's versions together, as the runtime reports them. */
  public static String usageOf(DeploymentView view) {
    if (view.cpuCores() == null && view.memoryBytes() == null) {
      return "not reported";
    }
    String cpu = view.cpuCores() == null ? "" : String.format(java.util.Locale.ROOT, "%.2f CPU", view.cpuCores());
    String memory = view.memoryBytes() == null ? "" : (view.memoryBytes() / (1024 * 1024)) + " MiB";
    return (cpu + (cpu.isEmpty() || memory.isEmpty() ? "" : ", ") + memory);
  }

  public String usage(DeploymentView view) {
    return usageOf(view);
  }

  public boolean isAll() {
    return all;
  }

  public void setAll(boolean all) {
    this.all = all;
  }
}
