package org.tessera.shared.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.tessera.identity.domain.UserProfile;
import org.tessera.identity.web.CurrentUser;
import org.tessera.projects.application.ProjectService;
import org.tessera.sessions.application.SessionService;
import org.tessera.shared.domain.DomainException;

/** Backing bean of {@code admin/settings.xhtml}: the run-time platform settings. */
@Named
@RequestScoped
public class AdminSettingsView {

  @EJB ProjectService projects;
  @EJB SessionService sessions;
  @EJB org.tessera.channels.application.ChannelSettingsService channelSettings;
  @Inject CurrentUser currentUser;

  private Integer maxFileMegabytes;
  private Integer idleMinutes;
  private org.tessera.channels.application.ChannelSettings channels;
  private String channelAlias;
  private String defaultChannels;
  private String pypiIndex;
  private String extraIndexUrls;

  private UserProfile user() {
    return currentUser.profile().orElseThrow();
  }

  public String save() {
    try {
      projects.setMaxFileMegabytes(user(), maxFileMegabytes == null ? 0 : maxFileMegabytes);
      sessions.setIdleMinutes(user(), idleMinutes == null ? -1 : idleMinutes);
      FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Settings saved.", null));
    } catch (DomainException | jakarta.ejb.EJBAccessException e) {
      FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
    }
    return null;
  }

  public Integer getMaxFileMegabytes() {
    if (maxFileMegabytes == null) {
      maxFileMegabytes = (int) (projects.maxFileBytes() / (1024 * 1024));
    }
    return maxFileMegabytes;
  }

  public void setMaxFileMegabytes(Integer maxFileMegabytes) {
    this.maxFileMegabytes = maxFileMegabytes;
  }

  public Integer getIdleMinutes() {
    if (idleMinutes == null) {
      idleMinutes = sessions.idleMinutes();
    }
    return idleMinutes;
  }

  public void setIdleMinutes(Integer idleMinutes) {
    this.idleMinutes = idleMinutes;
  }

  private org.tessera.channels.application.ChannelSettings channels() {
    if (channels == null) {
      channels = channelSettings.settings();
    }
    return channels;
  }

  /** Saves the channel settings; a blank alias restores the default, lists take commas, spaces or lines. */
  public String saveChannels() {
    try {
      channels = channelSettings.update(user(), channelAlias, org.tessera.channels.domain.PackageSources.split(defaultChannels), pypiIndex,
          org.tessera.channels.domain.PackageSources.split(extraIndexUrls));
      channelAlias = null;
      defaultChannels = null;
      pypiIndex = null;
      extraIndexUrls = null;
      FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
          "Channel settings saved. New and restarted sessions and deployments get them.", null));
    } catch (DomainException | jakarta.ejb.EJBAccessException e) {
      FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
    }
    return null;
  }

  public String getChannelAlias() {
    return channelAlias != null ? channelAlias : channels().defaultAlias() ? "" : channels().channelAlias();
  }

  public void setChannelAlias(String channelAlias) {
    this.channelAlias = channelAlias == null ? "" : channelAlias;
  }

  /** The alias used when the field is empty. */
  public String getDefaultChannelAlias() {
    return channels().defaultAlias() ? channels().channelAlias() : "";
  }

  public String getDefaultChannels() {
    return defaultChannels != null ? defaultChannels : String.join("\n", channels().defaultChannels());
  }

  public void setDefaultChannels(String defaultChannels) {
    this.defaultChannels = defaultChannels == null ? "" : defaultChannels;
  }

  public String getPypiIndex() {
    return pypiIndex != null ? pypiIndex : channels().pypiIndex() == null ? "" : channels().pypiIndex();
  }

  public void setPypiIndex(String pypiIndex) {
    this.pypiIndex = pypiIndex == null ? "" : pypiIndex;
  }

  public String getExtraIndexUrls() {
    return extraIndexUrls != null ? extraIndexUrls : String.join("\n", channels().extraIndexUrls());
  }

  public void setExtraIndexUrls(String extraIndexUrls) {
    this.extraIndexUrls = extraIndexUrls == null ? "" : extraIndexUrls;
  }
}
