package org.tessera.identity.web;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tessera.identity.application.PermissionService;
import org.tessera.identity.domain.InvalidPermissionGrantsException;
import org.tessera.identity.domain.Permission;
import org.tessera.identity.domain.PermissionGrants;
import org.tessera.identity.domain.Roles;

/**
 * Backing bean of {@code admin/permissions.xhtml}: each permission's lists as comma-separated text
 * fields. The service enforces {@code ae-admin}; the page only avoids showing a form that cannot
 * be saved.
 */
@Named
@ViewScoped
public class PermissionsView implements Serializable {

  @EJB PermissionService permissions;
  @Inject CurrentUser currentUser;

  private final List<Row> rows = new ArrayList<>();

  @PostConstruct
  void load() {
    rows.clear();
    if (isAdmin()) {
      permissions.lists().forEach((permission, grants) -> rows.add(Row.of(permission, grants)));
    }
  }

  public boolean isAdmin() {
    return currentUser.profile().map(u -> u.hasRole(Roles.ADMIN)).orElse(false);
  }

  public List<Row> getRows() {
    return rows;
  }

  public void save(Row row) {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      permissions.replace(
          row.getKey(),
          PermissionGrants.of(split(row.getUsers()), split(row.getGroups()), split(row.getRoles())),
          currentUser.profile().map(u -> u.username()).orElse("unknown"));
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Saved " + row.getKey() + ".", null));
      load();
    } catch (InvalidPermissionGrantsException e) {
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, row.getKey() + " " + e.field() + ": " + e.getMessage(), null));
    }
  }

  static List<String> split(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /** One permission as the form edits it. */
  public static class Row implements Serializable {
    private String key;
    private String description;
    private String builtIn;
    private String users;
    private String groups;
    private String roles;

    static Row of(Permission permission, PermissionGrants grants) {
      Row row = new Row();
      row.key = permission.key();
      row.description = permission.description();
      row.builtIn = permission.builtInRole().map(r -> "role " + r).orElse("every signed-in user");
      row.users = String.join(", ", grants.users().stream().sorted().toList());
      row.groups = String.join(", ", grants.groups().stream().sorted().toList());
      row.roles = String.join(", ", grants.roles().stream().sorted().toList());
      return row;
    }

    public String getKey() {
      return key;
    }

    public String getDescription() {
      return description;
    }

    public String getBuiltIn() {
      return builtIn;
    }

    public String getUsers() {
      return users;
    }

    public void setUsers(String users) {
      this.users = users;
    }

    public String getGroups() {
      return groups;
    }

    public void setGroups(String groups) {
      this.groups = groups;
    }

    public String getRoles() {
      return roles;
    }

    public void setRoles(String roles) {
      this.roles = roles;
    }
  }
}
