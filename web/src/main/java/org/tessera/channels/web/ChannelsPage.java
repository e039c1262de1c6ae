package org.tessera.channels.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.tessera.channels.application.ChannelService;
import org.tessera.channels.application.ChannelView;
import org.tessera.identity.domain.Permission;
import org.tessera.identity.domain.UserProfile;
import org.tessera.identity.web.CurrentUser;
import org.tessera.shared.domain.DomainException;

/** Backing bean of {@code channels.xhtml}: the channels the user can read, creating and deleting them. */
@Named
@RequestScoped
public class ChannelsPage {

  @EJB ChannelService channels;
  @EJB org.tessera.identity.application.PermissionService permissions;
  @Inject CurrentUser currentUser;

  private List<ChannelView> list;
  private String name;
  private String type = "conda";
  private boolean isPublic = true;

  private UserProfile user() {
    return currentUser.profile().orElseThrow();
  }

  public List<ChannelView> getChannels() {
    if (list == null) {
      list = channels.list(user());
    }
    return list;
  }

  /** Whether the user may create channels and upload ({@code ae-uploader}). */
  public boolean isMayCreate() {
    return permissions.allows(user(), Permission.UPLOAD_PACKAGES);
  }

  public String create() {
    try {
      ChannelView created = channels.create(user(), name, type, !isPublic);
      FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
      info("Channel " + created.name() + " created (" + (created.isPrivate() ? "private" : "public") + "). Upload packages to it below.");
      return "/channel.xhtml?faces-redirect=true&name=" + created.name();
    } catch (DomainException | jakarta.ejb.EJBAccessException e) {
      error(e.getMessage());
      return null;
    }
  }

  public String delete(String channel) {
    try {
      channels.delete(user(), channel);
      list = null;
      info("Channel " + channel + " deleted with all its packages.");
    } catch (DomainException e) {
      error(e.getMessage());
    }
    return null;
  }

  static void info(String message) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, message, null));
  }

  static void error(String message) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
  }

  /** "3 min ago", "5 h ago", "12 days ago". */
  public static String ago(Instant when) {
    if (when == null) {
      return "";
    }
    long minutes = Math.max(0, Duration.between(when, Instant.now()).toMinutes());
    return minutes < 1 ? "just now" : minutes < 60 ? minutes + " min ago" : minutes < 60 * 48 ? (minutes / 60) + " h ago" : (minutes / 60 / 24) + " days ago";
  }

  public String agoOf(Instant when) {
    return ago(when);
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public boolean isPublic() {
    return isPublic;
  }

  public void setPublic(boolean isPublic) {
    this.isPublic = isPublic;
  }
}
