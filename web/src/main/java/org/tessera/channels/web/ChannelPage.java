package org.tessera.channels.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.tessera.channels.application.ChannelService;
import org.tessera.channels.application.ChannelView;
import org.tessera.channels.application.PackageFileView;
import org.tessera.channels.application.PackageSummary;
import org.tessera.identity.application.PermissionService;
import org.tessera.identity.domain.Permission;
import org.tessera.identity.domain.UserProfile;
import org.tessera.identity.web.CurrentUser;
import org.tessera.shared.domain.DomainException;
import org.tessera.shared.web.PlatformSettings;

/**
 * Backing bean of {@code channel.xhtml}: a channel's packages with a filter, upload, sharing and
 * visibility, and how clients use its URL. Every form posts the channel's name back as {@code name}.
 */
@Named
@RequestScoped
public class ChannelPage {

  @EJB ChannelService channels;
  @EJB PermissionService permissions;
  @Inject CurrentUser currentUser;

  private String name;
  private String q;
  private ChannelView channel;
  private List<PackageSummary> packages;
  private Part file;
  private String shareKind = "user";
  private String shareName;
  private String shareLevel = "read-write";

  private UserProfile user() {
    return currentUser.profile().orElseThrow();
  }

  /** Loads the channel; a missing one leaves a message instead of an error page. */
  public void load() {
    if (name == null) {
      name = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("name");
    }
    try {
      channel = name == null ? null : channels.get(user(), name);
      packages = channel == null ? List.of() : channels.packages(user(), channel.name(), q);
      if (name == null) {
        ChannelsPage.error("Open a channel from the Channels page.");
      }
    } catch (DomainException e) {
      channel = null;
      packages = List.of();
      ChannelsPage.error(e.getMessage());
    }
  }

  public ChannelView getChannel() {
    if (channel == null && packages == null) {
      load();
    }
    return channel;
  }

  public List<PackageSummary> getPackages() {
    getChannel();
    return packages == null ? List.of() : packages;
  }

  /** Upload needs write access to the channel and the upload permission ({@code ae-uploader}). */
  public boolean isMayUpload() {
    return getChannel() != null && channel.canWrite() && permissions.allows(user(), Permission.UPLOAD_PACKAGES);
  }

  private interface Action {
    void run() throws IOException;
  }

  private String act(Action action, String done) {
    try {
      action.run();
      if (done != null) {
        ChannelsPage.info(done);
      }
    } catch (DomainException | jakarta.ejb.EJBAccessException e) {
      ChannelsPage.error(e.getMessage());
    } catch (IOException e) {
      ChannelsPage.error("The upload did not arrive completely (" + e.getMessage() + "); try again.");
    }
    load();
    return null;
  }

  /** Publishes the chosen package file; the file's own metadata decides its package, version and platform. */
  public String upload() {
    if (file == null || file.getSize() == 0) {
      ChannelsPage.error("Choose a package file to upload: .tar.bz2 or .conda for conda channels, .whl, .tar.gz or .zip for PyPI channels.");
      load();
      return null;
    }
    String filename = file.getSubmittedFileName();
    String[] published = new String[1];
    String result = act(() -> {
      Path received;
      try (InputStream in = file.getInputStream()) {
        received = PackageUploads.receive(in);
      } finally {
        file.delete();
      }
      PackageFileView view = channels.upload(user(), name, filename, received);
      published[0] = view.name() + " " + view.version() + " (" + view.subdir() + ")";
    }, null);
    if (published[0] != null) {
      ChannelsPage.info("Uploaded " + filename + ": " + published[0] + ".");
    }
    return result;
  }

  public String share() {
    return act(() -> channels.share(user(), name, shareKind, shareName == null ? null : shareName.strip(), shareLevel),
        "Shared with " + shareKind + " " + shareName + " (" + shareLevel + ").");
  }

  public String unshare(String kind, String principal) {
    return act(() -> channels.unshare(user(), name, kind, principal), "No longer shared with " + kind + " " + principal + ".");
  }

  public String makePrivate(boolean isPrivate) {
    return act(() -> channels.setPrivate(user(), name, isPrivate),
        isPrivate ? "The channel is private: signed-in users it is shared with, and clients with their token." : "The channel is public: anyone who can reach Tessera may download from it.");
  }

  public String delete() {
    try {
      channels.delete(user(), name);
      FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
      ChannelsPage.info("Channel " + name + " deleted with all its packages.");
      return "/channels.xhtml?faces-redirect=true";
    } catch (DomainException e) {
      ChannelsPage.error(e.getMessage());
      load();
      return null;
    }
  }

  /** The channel's URL for clients (conda: the channel; PyPI: its simple index). */
  public String getUrl() {
    return getChannel() == null ? "" : base() + channel.path();
  }

  /** The same URL with a token in it, in the form the channel's client takes. */
  public String getTokenUrl() {
    if (getChannel() == null) {
      return "";
    }
    if ("pypi".equals(channel.type())) {
      return base().replaceFirst("://", "://" + user().username() + ":YOUR_TOKEN@") + channel.path();
    }
    return base() + "/repository/conda/t/YOUR_TOKEN/" + channel.name();
  }

  public String getUseCommand() {
    if (getChannel() == null) {
      return "";
    }
    String url = channel.isPrivate() ? getTokenUrl() : getUrl();
    return "pypi".equals(channel.type()) ? "pip install --index-url " + url + " PACKAGE" : "conda install -c " + url + " PACKAGE";
  }

  static String base() {
    return PlatformSettings.publicUrl().replaceAll("/+$", "");
  }

  public String join(List<String> values) {
    return values == null ? "" : String.join(", ", values);
  }

  public String agoOf(java.time.Instant when) {
    return ChannelsPage.ago(when);
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getQ() {
    return q;
  }

  public void setQ(String q) {
    this.q = q;
  }

  public Part getFile() {
    return file;
  }

  public void setFile(Part file) {
    this.file = file;
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

  public String getShareLevel() {
    return shareLevel;
  }

  public void setShareLevel(String shareLevel) {
    this.shareLevel = shareLevel;
  }
}
