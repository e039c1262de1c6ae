package org.tessera.channels.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import org.tessera.channels.application.ChannelService;
import org.tessera.channels.application.ChannelView;
import org.tessera.channels.application.PackageDetail;
import org.tessera.channels.application.PackageFileView;
import org.tessera.identity.domain.UserProfile;
import org.tessera.identity.web.CurrentUser;
import org.tessera.shared.domain.DomainException;

/**
 * Backing bean of {@code package.xhtml}: a package's versions and files with sizes and hashes, the
 * install command, and deleting a file or a whole version. Forms post {@code channel} and {@code name} back.
 */
@Named
@RequestScoped
public class PackagePage {

  @EJB ChannelService channels;
  @Inject CurrentUser currentUser;

  private String channel;
  private String name;
  private ChannelView channelView;
  private PackageDetail detail;
  private boolean loaded;

  private UserProfile user() {
    return currentUser.profile().orElseThrow();
  }

  public void load() {
    Map<String, String> params = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
    channel = channel == null ? params.get("channel") : channel;
    name = name == null ? params.get("name") : name;
    loaded = true;
    try {
      channelView = channel == null ? null : channels.get(user(), channel);
      detail = channelView == null || name == null ? null : channels.packageDetail(user(), channel, name, ChannelPage.base());
      if (channel == null || name == null) {
        ChannelsPage.error("Open a package from its channel's page.");
      }
    } catch (DomainException e) {
      detail = null;
      ChannelsPage.error(e.getMessage());
    }
  }

  public PackageDetail getDetail() {
    if (!loaded) {
      load();
    }
    return detail;
  }

  public ChannelView getChannelView() {
    getDetail();
    return channelView;
  }

  public boolean isMayDelete() {
    return getChannelView() != null && channelView.canWrite();
  }

  /** The files of one version, in the order the detail lists them. */
  public List<PackageFileView> filesOf(String version) {
    return getDetail() == null ? List.of() : detail.files().stream().filter(f -> f.version().equals(version)).toList();
  }

  /** Where the signed-in browser downloads a file (see {@link PackageDownloadServlet}). */
  public String downloadPath(PackageFileView file) {
    return "/channel-files/" + file.channel() + "/" + file.subdir() + "/" + file.filename();
  }

  public String sizeOf(long bytes) {
    return bytes < 1024 ? bytes + " B" : bytes < 1024 * 1024 ? String.format(java.util.Locale.ROOT, "%.1f KiB", bytes / 1024.0)
        : String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / 1024.0 / 1024.0);
  }

  public String join(List<String> values) {
    return values == null ? "" : String.join(", ", values);
  }

  public String agoOf(java.time.Instant when) {
    return ChannelsPage.ago(when);
  }

  public String deleteFile(String subdir, String filename) {
    try {
      channels.deleteFile(user(), channel, subdir, filename);
      ChannelsPage.info("Deleted " + subdir + "/" + filename + "; the channel's index no longer lists it.");
    } catch (DomainException e) {
      ChannelsPage.error(e.getMessage());
    }
    return afterDelete();
  }

  public String deleteVersion(String version) {
    try {
      channels.deleteVersion(user(), channel, name, version);
      ChannelsPage.info("Deleted version " + version + " of " + name + " with all its files.");
    } catch (DomainException e) {
      ChannelsPage.error(e.getMessage());
    }
    return afterDelete();
  }

  /** Back to the channel when the package has no file left. */
  private String afterDelete() {
    loaded = true;
    try {
      channelView = channels.get(user(), channel);
      detail = channels.packageDetail(user(), channel, name, ChannelPage.base());
      return null;
    } catch (DomainException e) {
      detail = null;
      FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
      return "/channel.xhtml?faces-redirect=true&name=" + channel;
    }
  }

  public String getChannel() {
    return channel;
  }

  public void setChannel(String channel) {
    this.channel = channel;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }
}
