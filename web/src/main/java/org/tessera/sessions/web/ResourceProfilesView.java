package org.tessera.sessions.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tessera.identity.domain.UserProfile;
import org.tessera.identity.web.CurrentUser;
import org.tessera.runtime.application.ResourceProfileService;
import org.tessera.runtime.domain.ResourceProfileRules;
import org.tessera.shared.domain.DomainException;

/** Backing bean of {@code admin/profiles.xhtml}: the resource profiles, editable by administrators. */
@Named
@RequestScoped
public class ResourceProfilesView {

  @EJB ResourceProfileService profiles;
  @Inject CurrentUser currentUser;

  private String name;
  private String description;
  private boolean userVisible = true;
  private boolean isDefault;
  private String cpu = "1";
  private String memory = "2Gi";
  private int gpus;
  private String nodeSelector;
  private List<ResourceProfileService.Listed> list;

  private UserProfile user() {
    return currentUser.profile().orElseThrow();
  }

  public List<ResourceProfileService.Listed> getProfiles() {
    if (list == null) {
      list = profiles.list(user());
    }
    return list;
  }

  /** Creates or replaces the profile named in the form. */
  public String save() {
    try {
      Map<String, String> selector = new LinkedHashMap<>();
      if (nodeSelector != null) {
        for (String pair : nodeSelector.split("[,\\n]")) {
          if (!pair.isBlank()) {
            int eq = pair.indexOf('=');
            selector.put(eq < 0 ? pair.strip() : pair.substring(0, eq).strip(), eq < 0 ? "" : pair.substring(eq + 1).strip());
          }
        }
      }
      profiles.save(user(), ResourceProfileRules.validated(name, description, userVisible, cpu, memory, gpus, selector), isDefault);
      message(FacesMessage.SEVERITY_INFO, "Saved profile " + name + ".");
      list = null;
    } catch (DomainException | jakarta.ejb.EJBAccessException e) {
      message(FacesMessage.SEVERITY_ERROR, e.getMessage());
    }
    return null;
  }

  public String delete(String profile) {
    try {
      profiles.delete(user(), profile);
      message(FacesMessage.SEVERITY_INFO, "Deleted profile " + profile + ".");
      list = null;
    } catch (DomainException | jakarta.ejb.EJBAccessException e) {
      message(FacesMessage.SEVERITY_ERROR, e.getMessage());
    }
    return null;
  }

  private static void message(FacesMessage.Severity severity, String text) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public boolean isUserVisible() {
    return userVisible;
  }

  public void setUserVisible(boolean userVisible) {
    this.userVisible = userVisible;
  }

  public boolean isDefault() {
    return isDefault;
  }

  public void setDefault(boolean isDefault) {
    this.isDefault = isDefault;
  }

  public String getCpu() {
    return cpu;
  }

  public void setCpu(String cpu) {
    this.cpu = cpu;
  }

  public String getMemory() {
    return memory;
  }

  public void setMemory(String memory) {
    this.memory = memory;
  }

  public int getGpus() {
    return gpus;
  }

  public void setGpus(int gpus) {
    this.gpus = gpus;
  }

  public String getNodeSelector() {
    return nodeSelector;
  }

  public void setNodeSelector(String nodeSelector) {
    this.nodeSelector = nodeSelector;
  }
}
