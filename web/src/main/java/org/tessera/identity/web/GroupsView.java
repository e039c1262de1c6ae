package org.tessera.identity.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.tessera.identity.application.UserAdminService;
import org.tessera.identity.domain.RealmGroup;
import org.tessera.identity.domain.RealmUser;
import org.tessera.identity.domain.Roles;
import org.tessera.identity.domain.UserProfile;
import org.tessera.shared.domain.DomainException;

/** Backing bean of {@code admin/groups.xhtml}: the realm's groups with their Tessera roles, and the members of the one chosen ({@code group}). */
@Named
@RequestScoped
public class GroupsView {

  @EJB UserAdminService users;
  @Inject CurrentUser currentUser;

  private List<RealmGroup> groups;
  private String group;
  private List<RealmUser> members;

  public boolean isAdmin() {
    return currentUser.profile().map(u -> u.hasRole(Roles.ADMIN)).orElse(false);
  }

  public List<RealmGroup> getGroups() {
    if (groups == null) {
      groups = List.of();
      if (isAdmin()) {
        try {
          groups = users.groups();
        } catch (DomainException e) {
          error(e.getMessage());
        }
      }
    }
    return groups;
  }

  /** Reads the groups and the chosen group's members before rendering (view action), so that errors show in the messages above. */
  public void load() {
    getGroups();
    getMembers();
  }

  public List<String> getTesseraRoles() {
    return Roles.ALL;
  }

  public String getGroup() {
    if (group == null) {
      group = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("group");
    }
    return group;
  }

  public void setGroup(String group) {
    this.group = group;
  }

  public List<RealmUser> getMembers() {
    if (members == null) {
      members = List.of();
      if (isAdmin() && getGroup() != null && !getGroup().isBlank()) {
        try {
          members = users.members(getGroup(), 0, 100);
        } catch (DomainException e) {
          error(e.getMessage());
        }
      }
    }
    return members;
  }

  public void grant(String groupName, String role) {
    run(() -> users.grantGroupRole(groupName, role, actor()), "Granted " + role + " to group " + groupName + ".");
  }

  public void revoke(String groupName, String role) {
    run(() -> users.revokeGroupRole(groupName, role, actor()), "Revoked " + role + " from group " + groupName + ".");
  }

  private void run(Runnable action, String done) {
    try {
      action.run();
      FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, done, null));
    } catch (DomainException e) {
      error(e.getMessage());
    }
    groups = null;
  }

  private String actor() {
    return currentUser.signedIn().map(UserProfile::username).orElse("unknown");
  }

  private static void error(String text) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
  }
}
