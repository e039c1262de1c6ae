package org.tessera.identity.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.tessera.identity.domain.Roles;
import org.tessera.identity.domain.UserProfile;

/** Backing bean of the home page: who is signed in and where they can go. */
@Named
@RequestScoped
public class HomeView {

  @Inject CurrentUser currentUser;

  public UserProfile getUser() {
    return currentUser.profile().orElseThrow(() -> new IllegalStateException("The home page requires a signed-in user."));
  }

  public String getDisplayName() {
    UserProfile user = getUser();
    return user.name() == null || user.name().isBlank() ? user.username() : user.name();
  }

  /** The areas of the platform; those not built yet are shown but not linked. */
  public List<Area> getAreas() {
    boolean admin = getUser().hasRole(Roles.ADMIN);
    return List.of(
        new Area("Projects", "projects.xhtml", "Git-backed projects with anaconda-project.yml."),
        new Area("Sessions", "sessions.xhtml", "Jupyter sessions on shared machines and GPUs."),
        new Area("Deployments", "deployments.xhtml", "Notebooks, dashboards and REST APIs behind Tessera."),
        new Area("Jobs", null, "Scheduled runs of project commands."),
        new Area("Channels", "channels.xhtml", "The company's conda and PyPI channels."),
        new Area("Admin", admin ? "admin/audit.xhtml" : null, admin ? "Users, groups and roles; sign-in settings and events; audit trail; permissions; LDAP and Active Directory connections." : "For administrators."));
  }

  /** One navigation entry; {@code href} is null while the area does not exist. */
  public record Area(String name, String href, String description) {
    public boolean isAvailable() {
      return href != null;
    }
  }
}
