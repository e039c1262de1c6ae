package org.tessera.identity.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tessera.identity.application.UserAdminService;
import org.tessera.identity.domain.RealmGroup;
import org.tessera.identity.domain.RealmUserDetails;
import org.tessera.identity.domain.RequiredAction;
import org.tessera.identity.domain.Roles;
import org.tessera.identity.domain.UserProfile;
import org.tessera.shared.domain.DomainException;

/**
 * Backing bean of {@code admin/user.xhtml}: one user with every everyday action (enable, disable,
 * temporary password, required actions, groups, Tessera roles, sessions, sign out everywhere,
 * act as the user). The user name comes from the request ({@code username}), also on postbacks.
 */
@Named
@RequestScoped
public class UserView {

  @EJB UserAdminService users;
  @Inject CurrentUser currentUser;

  private String username;
  private RealmUserDetails user;
  /** Whether this request asked for the user already: an unknown one is reported once, not per EL reference. */
  private boolean looked;
  private List<RealmGroup> groups;
  private String password;
  private boolean temporary = true;
  private List<String> actions;
  private String group;

  public boolean isAdmin() {
    return currentUser.profile().map(u -> u.hasRole(Roles.ADMIN)).orElse(false);
  }

  public String getUsername() {
    if (username == null) {
      username = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("username");
    }
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  /** The user, or null (with a message) when there is none by that name. */
  public RealmUserDetails getUser() {
    if (user == null && !looked && isAdmin() && getUsername() != null) {
      looked = true;
      try {
        user = users.user(getUsername());
      } catch (DomainException e) {
        error(e.getMessage());
      }
    }
    return user;
  }

  /** Looks the user up before rendering (view action), so that an unknown name shows in the messages above. */
  public void load() {
    getUser();
  }

  public List<RealmGroup> getGroups() {
    if (groups == null) {
      groups = isAdmin() ? users.groups() : List.of();
    }
    return groups;
  }

  /** Groups the user is not in yet, for the "add to group" list. */
  public List<RealmGroup> getOtherGroups() {
    RealmUserDetails u = getUser();
    return u == null ? List.of() : getGroups().stream().filter(g -> !u.groups().contains(g.path().replaceFirst("^/", ""))).toList();
  }

  public List<String> getTesseraRoles() {
    return Roles.ALL;
  }

  public List<RequiredAction> getRequiredActionChoices() {
    return Arrays.asList(RequiredAction.values());
  }

  public List<String> getActions() {
    if (actions == null) {
      actions = getUser() == null ? new ArrayList<>() : new ArrayList<>(getUser().requiredActions());
    }
    return actions;
  }

  public void setActions(List<String> actions) {
    this.actions = actions;
  }

  public void enable() {
    run(() -> users.setEnabled(getUsername(), true, actor()), "Enabled " + getUsername() + ".");
  }

  public void disable() {
    run(() -> users.setEnabled(getUsername(), false, actor()), "Disabled " + getUsername() + ": no new sign-in; sign out everywhere to end the current sessions.");
  }

  public void resetPassword() {
    run(() -> users.resetPassword(getUsername(), password, temporary, actor()),
        "Password set for " + getUsername() + (temporary ? "; the user must choose a new one at the next sign-in." : "."));
  }

  public void saveActions() {
    run(() -> users.setRequiredActions(getUsername(), actions == null ? List.of() : actions, actor()), "Required actions saved.");
  }

  public void joinGroup() {
    run(() -> users.joinGroup(getUsername(), group, actor()), "Added " + getUsername() + " to " + group + ".");
  }

  public void leaveGroup(String name) {
    run(() -> users.leaveGroup(getUsername(), name, actor()), "Removed " + getUsername() + " from " + name + ".");
  }

  public void grant(String role) {
    run(() -> users.grantRole(getUsername(), role, actor()), "Granted " + role + " to " + getUsername() + " (in their tokens from their next sign-in).");
  }

  public void revoke(String role) {
    run(() -> users.revokeRole(getUsername(), role, actor()), "Revoked " + role + " from " + getUsername() + ".");
  }

  public void signOut() {
    run(() -> users.signOut(getUsername(), actor()), "Signed " + getUsername() + " out everywhere.");
  }

  /** Starts acting as the user in this browser session and opens the home page as they see it. */
  public String impersonate() {
    try {
      UserProfile as = users.impersonate(getUsername(), actor(), ((jakarta.servlet.http.HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest()).getRemoteAddr());
      currentUser.startActing(as.username());
      return "/index.xhtml?faces-redirect=true";
    } catch (DomainException e) {
      error(e.getMessage());
      return null;
    }
  }

  private void run(Runnable action, String done) {
    try {
      action.run();
      FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, done, null));
    } catch (DomainException e) {
      error(e.getMessage());
    }
    user = null;
    looked = false;
    actions = null;
    groups = null;
  }

  private String actor() {
    return currentUser.signedIn().map(UserProfile::username).orElse("unknown");
  }

  private static void error(String text) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public boolean isTemporary() {
    return temporary;
  }

  public void setTemporary(boolean temporary) {
    this.temporary = temporary;
  }

  public String getGroup() {
    return group;
  }

  public void setGroup(String group) {
    this.group = group;
  }
}
