package org.tessera.deployments.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tessera.deployments.application.DeploymentService;
import org.tessera.deployments.application.DeploymentTokenView;
import org.tessera.deployments.application.DeploymentView;
import org.tessera.deployments.domain.DeploymentShare;
import org.tessera.deployments.domain.TrafficSplit;
import org.tessera.identity.domain.UserProfile;
import org.tessera.identity.web.CurrentUser;
import org.tessera.shared.domain.DomainException;

/**
 * Backing bean of {@code deployment.xhtml}: status and logs, sharing and visibility, tokens,
 * versions and their split, restart, redeploy and terminate. Every form posts the id back.
 */
@Named
@RequestScoped
public class DeploymentPage {

  @EJB DeploymentService deployments;
  @Inject CurrentUser currentUser;
  @Inject DeploymentTraffic traffic;

  private String id;
  private DeploymentView deployment;
  private List<DeploymentTokenView> tokens;
  private String newToken;
  private int tokenDays = 30;
  private String shareKind = "user";
  private String shareName;
  private String revision;
  private String variables;
  private String confirmName;
  private String split;

  private UserProfile user() {
    return currentUser.profile().orElseThrow();
  }

  /** Loads the deployment; a missing one leaves a message instead of an error page. */
  public void load() {
    if (id == null) {
      id = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("id");
    }
    try {
      deployment = id == null ? null : deployments.get(user(), id);
      tokens = deployment != null && deployment.mayManage() ? deployments.tokens(user(), id) : List.of();
    } catch (DomainException e) {
      deployment = null;
      error(e);
    }
  }

  public DeploymentView getDeployment() {
    if (deployment == null && id == null) {
      load();
    }
    return deployment;
  }

  public List<DeploymentTokenView> getTokens() {
    getDeployment();
    return tokens == null ? List.of() : tokens;
  }

  public List<String> logsOf(String versionId) {
    try {
      return deployments.logs(user(), id, versionId, 200);
    } catch (DomainException e) {
      return List.of(e.getMessage());
    }
  }

  public DeploymentTraffic.Stats statsOf(String versionId) {
    return traffic.of(versionId);
  }

  public String getStatus() {
    return getDeployment() == null ? "" : deployment.phase().name().toLowerCase(java.util.Locale.ROOT);
  }

  public boolean isStarting() {
    return List.of("pending", "starting").contains(getStatus());
  }

  private interface Action {
    void run();
  }

  private String act(Action action, String done) {
    try {
      action.run();
      if (done != null) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, done, null));
      }
    } catch (DomainException e) {
      error(e);
    }
    load();
    return null;
  }

  private static void error(Exception e) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
  }

  public String generateToken() {
    return act(() -> newToken = deployments.createToken(user(), id, tokenDays).secret(), "Token generated: copy it now, it is not shown again.");
  }

  public String revokeToken(String tokenId) {
    return act(() -> deployments.revokeToken(user(), id, tokenId), "Token revoked.");
  }

  public String share() {
    return act(() -> deployments.share(user(), id, "group".equals(shareKind) ? DeploymentShare.Kind.GROUP : DeploymentShare.Kind.USER, shareName), "Shared with " + shareName + ".");
  }

  public String unshare(String kind, String name) {
    return act(() -> deployments.unshare(user(), id, DeploymentShare.Kind.valueOf(kind), name), "No longer shared with " + name + ".");
  }

  public String makePublic(boolean isPublic) {
    return act(() -> deployments.setPublic(user(), id, isPublic), isPublic ? "Every signed-in user can open it now." : "Only its owner, the project's collaborators, its shares and token holders can open it now.");
  }

  public String restart() {
    return act(() -> deployments.restart(user(), id), "Restarting.");
  }

  public String redeploy() {
    return act(() -> deployments.redeploy(user(), id, revision, VariablesText.parse(getVariables())), "Redeploying " + (revision == null || revision.isBlank() ? "the latest commit" : revision) + " at the same URL.");
  }

  public String addVersion() {
    return act(() -> deployments.addVersion(user(), id, revision), "Version " + revision + " added; give it a share of the traffic below.");
  }

  public String removeVersion(String versionId) {
    return act(() -> deployments.removeVersion(user(), id, versionId), "Version removed.");
  }

  /** The split as typed: {@code label=weight} or {@code label@group}, separated by commas. */
  public String applySplit() {
    return act(() -> deployments.split(user(), id, parseSplit()), "Traffic split saved.");
  }

  private Map<String, TrafficSplit.Route> parseSplit() {
    Map<String, TrafficSplit.Route> routes = new LinkedHashMap<>();
    for (String part : (split == null ? "" : split).split(",")) {
      String entry = part.strip();
      if (entry.isEmpty()) {
        continue;
      }
      boolean grouped = entry.contains("@");
      String[] pieces = entry.split(grouped ? "@" : "=", 2);
      String versionId = getDeployment().versions().stream().map(DeploymentView.Version::version)
          .filter(v -> v.label().equals(pieces[0].strip()) || v.id().equals(pieces[0].strip())).map(v -> v.id()).findFirst()
          .orElseThrow(() -> new org.tessera.deployments.domain.InvalidDeploymentRequestException("versions", "No version '" + pieces[0].strip() + "'; write label=weight or label@group, like v1=90, v2=10."));
      if (pieces.length < 2) {
        throw new org.tessera.deployments.domain.InvalidDeploymentRequestException("versions", "Write label=weight or label@group, like v1=90, v2=10.");
      }
      try {
        routes.put(versionId, grouped ? new TrafficSplit.Route(0, pieces[1]) : new TrafficSplit.Route(Integer.parseInt(pieces[1].strip()), null));
      } catch (NumberFormatException e) {
        throw new org.tessera.deployments.domain.InvalidDeploymentRequestException("versions", "'" + pieces[1].strip() + "' is not a whole percentage.");
      }
    }
    return routes;
  }

  /** Terminates after the name was typed again, as a confirmation. */
  public String terminate() {
    if (getDeployment() == null) {
      return null;
    }
    if (!deployment.deployment().name().equals(confirmName == null ? "" : confirmName.strip())) {
      FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Type the deployment's name, " + deployment.deployment().name() + ", to confirm.", null));
      return null;
    }
    try {
      deployments.terminate(user(), id);
      FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
      FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Deployment " + deployment.deployment().name() + " terminated.", null));
      return "/deployments.xhtml?faces-redirect=true";
    } catch (DomainException e) {
      error(e);
      return null;
    }
  }

  public String getCurrentSplit() {
    if (getDeployment() == null) {
      return "";
    }
    return String.join(", ", deployment.versions().stream().map(DeploymentView.Version::version)
        .map(v -> v.group() == null ? v.label() + "=" + v.weight() : v.label() + "@" + v.group()).toList());
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getNewToken() {
    return newToken;
  }

  public int getTokenDays() {
    return tokenDays;
  }

  public void setTokenDays(int tokenDays) {
    this.tokenDays = tokenDays;
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

  public String getRevision() {
    return revision;
  }

  public void setRevision(String revision) {
    this.revision = revision;
  }

  /** The deployment's variables as NAME=value lines, until the form sends others. */
  public String getVariables() {
    if (variables == null && getDeployment() != null && getDeployment().mayManage()) {
      variables = VariablesText.format(getDeployment().deployment().variables());
    }
    return variables;
  }

  public void setVariables(String variables) {
    this.variables = variables;
  }

  public String getConfirmName() {
    return confirmName;
  }

  public void setConfirmName(String confirmName) {
    this.confirmName = confirmName;
  }

  public String getSplit() {
    return split == null ? getCurrentSplit() : split;
  }

  public void setSplit(String split) {
    this.split = split;
  }
}
