package org.tessera.channels.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.stream.Collectors;
import org.tessera.channels.application.MirrorRunView;
import org.tessera.channels.application.MirrorService;
import org.tessera.channels.domain.InvalidMirrorConfigException;
import org.tessera.identity.domain.UserProfile;
import org.tessera.identity.web.CurrentUser;
import org.tessera.shared.domain.DomainException;

/** Backing bean of {@code mirrors.xhtml}: the runs, starting one from pasted YAML, one run's progress, results and log, cancelling. */
@Named
@RequestScoped
public class MirrorsPage {

  @EJB MirrorService mirrors;
  @Inject CurrentUser currentUser;

  private String id;
  private String type = "conda";
  private String config = "dest_channel: main\nchannels:\n  - https://repo.anaconda.com/pkgs/main\nplatforms:\n  - linux-64\n  - noarch\n";
  private boolean clean;
  private List<MirrorRunView> list;
  private MirrorRunView run;

  private UserProfile user() {
    return currentUser.profile().orElseThrow();
  }

  public List<MirrorRunView> getRuns() {
    if (list == null) {
      list = mirrors.list(user());
    }
    return list;
  }

  public MirrorRunView getRun() {
    if (run == null && id != null && !id.isBlank()) {
      try {
        run = mirrors.get(user(), id);
      } catch (DomainException e) {
        error(e.getMessage());
        id = null;
      }
    }
    return run;
  }

  /** The run's log as text. */
  public String getLog() {
    MirrorRunView current = getRun();
    if (current == null) {
      return "";
    }
    return mirrors.logs(user(), current.id(), -1, 2000).stream().map(l -> l.at() + " " + l.line()).collect(Collectors.joining("\n"));
  }

  public boolean isActive() {
    MirrorRunView current = getRun();
    return current != null && (current.status().equals("queued") || current.status().equals("running"));
  }

  public String start() {
    try {
      MirrorRunView started = mirrors.start(user(), type, config, clean);
      return "mirrors.xhtml?faces-redirect=true&id=" + started.id();
    } catch (InvalidMirrorConfigException e) {
      e.problems().forEach(p -> error("Line " + p.line() + ", column " + p.column() + (p.key() == null ? "" : " (" + p.key() + ")") + ": " + p.message() + "."));
    } catch (DomainException e) {
      error(e.getMessage());
    }
    return null;
  }

  public String cancel(String runId) {
    try {
      mirrors.cancel(user(), runId);
      FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Cancelling: the run stops after the file it is copying.", null));
      list = null;
      run = null;
    } catch (DomainException e) {
      error(e.getMessage());
    }
    return null;
  }

  private static void error(String message) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getConfig() {
    return config;
  }

  public void setConfig(String config) {
    this.config = config;
  }

  public boolean isClean() {
    return clean;
  }

  public void setClean(boolean clean) {
    this.clean = clean;
  }
}
