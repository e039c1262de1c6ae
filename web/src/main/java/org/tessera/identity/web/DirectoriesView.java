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
import java.util.List;
import org.tessera.identity.application.DirectoryService;
import org.tessera.identity.domain.ConnectionCheck;
import org.tessera.identity.domain.Directory;
import org.tessera.identity.domain.DirectorySettings;
import org.tessera.identity.domain.DirectorySyncResult;
import org.tessera.identity.domain.DirectoryVendor;
import org.tessera.identity.domain.Roles;
import org.tessera.shared.domain.DomainException;

/**
 * Backing bean of {@code admin/directories.xhtml}: the realm's LDAP/AD connections, a form to add
 * or edit one, tests and syncs. The service enforces {@code ae-admin}; the page only avoids
 * showing what cannot be used.
 */
@Named
@ViewScoped
public class DirectoriesView implements Serializable {

  @EJB DirectoryService directories;
  @Inject CurrentUser currentUser;

  private final List<Directory> rows = new ArrayList<>();
  private Form form = new Form();
  /** The id of the directory the form edits; null while it adds one. */
  private String editing;

  @PostConstruct
  void load() {
    rows.clear();
    if (isAdmin()) {
      try {
        rows.addAll(directories.list());
      } catch (DomainException e) {
        error(e.getMessage());
      }
    }
  }

  public boolean isAdmin() {
    return currentUser.profile().map(u -> u.hasRole(Roles.ADMIN)).orElse(false);
  }

  public List<Directory> getRows() {
    return rows;
  }

  public DirectoryVendor[] getVendors() {
    return DirectoryVendor.values();
  }

  public Form getForm() {
    return form;
  }

  public String getEditing() {
    return editing;
  }

  public void save() {
    try {
      Directory saved = editing == null ? directories.add(form.toSettings(), actor()) : directories.update(editing, form.toSettings(), actor());
      info((editing == null ? "Added " : "Saved ") + saved.settings().name() + ". Test the connection and authentication, then sync.");
      cancel();
      load();
    } catch (org.tessera.identity.domain.InvalidDirectoryException e) {
      e.problems().forEach(p -> error(p.field() + ": " + p.message()));
    } catch (DomainException e) {
      error(e.getMessage());
    }
  }

  public void edit(Directory directory) {
    editing = directory.id();
    form = Form.of(directory.settings());
  }

  public void cancel() {
    editing = null;
    form = new Form();
  }

  public void remove(Directory directory) {
    run(() -> {
      directories.remove(directory.id(), actor());
      info("Removed " + directory.settings().name() + " and the users imported from it.");
    });
  }

  public void testConnection(Directory directory) {
    run(() -> report(directories.test(directory.id(), false, null, actor())));
  }

  public void testAuthentication(Directory directory) {
    run(() -> report(directories.test(directory.id(), true, null, actor())));
  }

  public void sync(Directory directory, String mode) {
    run(() -> {
      DirectorySyncResult r = directories.sync(directory.id(), mode, actor());
      if (r.ok()) {
        info(directory.settings().name() + " (" + r.mode() + " sync): " + r.added() + " added, " + r.updated() + " updated, " + r.removed() + " removed, " + r.failed() + " failed.");
      } else {
        error(directory.settings().name() + ": " + r.error());
      }
    });
  }

  private void report(ConnectionCheck check) {
    if (check.ok()) {
      info(check.message());
    } else {
      error(check.message());
    }
  }

  private void run(Runnable action) {
    try {
      action.run();
    } catch (DomainException e) {
      error(e.getMessage());
    }
    load();
  }

  private String actor() {
    return currentUser.profile().map(u -> u.username()).orElse("unknown");
  }

  private static void info(String text) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
  }

  private static void error(String text) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
  }

  /** The add/edit form; empty fields take the vendor preset's defaults when saved. */
  public static class Form implements Serializable {
    private String name;
    private String vendor = "other";
    private String connectionUrl;
    private boolean startTls;
    private String bindDn;
    private String bindCredential;
    private String usersDn;
    private String usernameLDAPAttribute;
    private String rdnLDAPAttribute;
    private String uuidLDAPAttribute;
    private String userObjectClasses;
    private String customUserSearchFilter;
    private String searchScope;
    private String editMode = "READ_ONLY";
    private boolean pagination;
    private Integer batchSizeForSync;
    private Integer fullSyncPeriod;
    private Integer changedSyncPeriod;
    private boolean enabled = true;
    private String groupsDn;
    private String caCertificatePem;

    static Form of(DirectorySettings s) {
      Form f = new Form();
      f.name = s.name();
      f.vendor = s.vendor();
      f.connectionUrl = s.connectionUrl();
      f.startTls = Boolean.TRUE.equals(s.startTls());
      f.bindDn = s.bindDn();
      f.usersDn = s.usersDn();
      f.usernameLDAPAttribute = s.usernameLDAPAttribute();
      f.rdnLDAPAttribute = s.rdnLDAPAttribute();
      f.uuidLDAPAttribute = s.uuidLDAPAttribute();
      f.userObjectClasses = s.userObjectClasses();
      f.customUserSearchFilter = s.customUserSearchFilter();
      f.searchScope = s.searchScope();
      f.editMode = s.editMode();
      f.pagination = Boolean.TRUE.equals(s.pagination());
      f.batchSizeForSync = s.batchSizeForSync();
      f.fullSyncPeriod = s.fullSyncPeriod();
      f.changedSyncPeriod = s.changedSyncPeriod();
      f.enabled = !Boolean.FALSE.equals(s.enabled());
      f.groupsDn = s.groupsDn();
      return f;
    }

    DirectorySettings toSettings() {
      return new DirectorySettings(name, vendor, connectionUrl, startTls, bindDn, bindCredential, usersDn, usernameLDAPAttribute, rdnLDAPAttribute, uuidLDAPAttribute,
          userObjectClasses, customUserSearchFilter, searchScope, editMode, pagination, batchSizeForSync, fullSyncPeriod, changedSyncPeriod, enabled, groupsDn, caCertificatePem);
    }

    public String getName() { return name; }
    public void setName(String v) { name = v; }
    public String getVendor() { return vendor; }
    public void setVendor(String v) { vendor = v; }
    public String getConnectionUrl() { return connectionUrl; }
    public void setConnectionUrl(String v) { connectionUrl = v; }
    public boolean isStartTls() { return startTls; }
    public void setStartTls(boolean v) { startTls = v; }
    public String getBindDn() { return bindDn; }
    public void setBindDn(String v) { bindDn = v; }
    public String getBindCredential() { return bindCredential; }
    public void setBindCredential(String v) { bindCredential = v; }
    public String getUsersDn() { return usersDn; }
    public void setUsersDn(String v) { usersDn = v; }
    public String getUsernameLDAPAttribute() { return usernameLDAPAttribute; }
    public void setUsernameLDAPAttribute(String v) { usernameLDAPAttribute = v; }
    public String getRdnLDAPAttribute() { return rdnLDAPAttribute; }
    public void setRdnLDAPAttribute(String v) { rdnLDAPAttribute = v; }
    public String getUuidLDAPAttribute() { return uuidLDAPAttribute; }
    public void setUuidLDAPAttribute(String v) { uuidLDAPAttribute = v; }
    public String getUserObjectClasses() { return userObjectClasses; }
    public void setUserObjectClasses(String v) { userObjectClasses = v; }
    public String getCustomUserSearchFilter() { return customUserSearchFilter; }
    public void setCustomUserSearchFilter(String v) { customUserSearchFilter = v; }
    public String getSearchScope() { return searchScope; }
    public void setSearchScope(String v) { searchScope = v; }
    public String getEditMode() { return editMode; }
    public void setEditMode(String v) { editMode = v; }
    public boolean isPagination() { return pagination; }
    public void setPagination(boolean v) { pagination = v; }
    public Integer getBatchSizeForSync() { return batchSizeForSync; }
    public void setBatchSizeForSync(Integer v) { batchSizeForSync = v; }
    public Integer getFullSyncPeriod() { return fullSyncPeriod; }
    public void setFullSyncPeriod(Integer v) { fullSyncPeriod = v; }
    public Integer getChangedSyncPeriod() { return changedSyncPeriod; }
    public void setChangedSyncPeriod(Integer v) { changedSyncPeriod = v; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean v) { enabled = v; }
    public String getGroupsDn() { return groupsDn; }
    public void setGroupsDn(String v) { groupsDn = v; }
    public String getCaCertificatePem() { return caCertificatePem; }
    public void setCaCertificatePem(String v) { caCertificatePem = v; }
  }
}
