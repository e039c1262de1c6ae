package org.tessera.identity.web;

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
import org.tessera.identity.application.DirectoryService;
import org.tessera.identity.domain.Directory;
import org.tessera.identity.domain.DirectoryMapper;
import org.tessera.identity.domain.GroupRule;
import org.tessera.identity.domain.GroupRulePreview;
import org.tessera.identity.domain.GroupRulePreviewRequest;
import org.tessera.identity.domain.GroupRuleSettings;
import org.tessera.identity.domain.InvalidGroupRulesException;
import org.tessera.identity.domain.Roles;
import org.tessera.identity.domain.StockMapper;
import org.tessera.shared.domain.DomainException;

/**
 * Backing bean of {@code admin/directory-rules.xhtml?id=ID}: a directory's group rules as an
 * editable table, its membership settings, a preview (of the rules as they are in the table, saved
 * or not) and its LDAP mappers. View scoped, so that rows added or removed survive until Save.
 */
@Named
@ViewScoped
public class DirectoryRulesView implements Serializable {

  @EJB DirectoryService directories;
  @Inject CurrentUser currentUser;

  private String id;
  private Directory directory;
  private final List<Row> rows = new ArrayList<>();
  private final Settings settings = new Settings();
  private List<DirectoryMapper> mappers = List.of();
  private String previewUser;
  private String previewGroup;
  private GroupRulePreview preview;
  private boolean loaded;
  private String stockType = StockMapper.GROUP.type();
  private String stockName;
  private String stockConfig;

  /** Loads on first use; the id comes from the view parameter or, on a postback, the form's hidden field. */
  private void ensureLoaded() {
    if (loaded) {
      return;
    }
    loaded = true;
    if (id == null) {
      id = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("id");
    }
    if (id == null || !isAdmin()) {
      return;
    }
    try {
      directory = directories.get(id);
      show(directories.groupRules(id));
      mappers = directories.mappers(id);
    } catch (DomainException e) {
      error(e.getMessage());
    }
  }

  private void show(GroupRuleSettings s) {
    rows.clear();
    s.rules().forEach(r -> rows.add(Row.of(r)));
    settings.groupsDn = s.groupsDn();
    settings.groupObjectClasses = s.groupObjectClasses();
    settings.membershipAttribute = s.membershipAttribute();
    settings.membershipType = s.membershipType();
    settings.membershipUserAttribute = s.membershipUserAttribute();
    settings.nestedAdGroups = Boolean.TRUE.equals(s.nestedAdGroups());
  }

  public boolean isAdmin() {
    return currentUser.profile().map(u -> u.hasRole(Roles.ADMIN)).orElse(false);
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id == null || id.isBlank() ? null : id;
  }

  public Directory getDirectory() {
    ensureLoaded();
    return directory;
  }

  public List<Row> getRows() {
    ensureLoaded();
    return rows;
  }

  public Settings getSettings() {
    ensureLoaded();
    return settings;
  }

  public List<DirectoryMapper> getMappers() {
    ensureLoaded();
    return mappers;
  }

  public GroupRulePreview getPreview() {
    return preview;
  }

  public String getPreviewUser() {
    return previewUser;
  }

  public void setPreviewUser(String v) {
    previewUser = v;
  }

  public String getPreviewGroup() {
    return previewGroup;
  }

  public void setPreviewGroup(String v) {
    previewGroup = v;
  }

  public StockMapper[] getStockMappers() {
    return StockMapper.values();
  }

  public String getStockType() { return stockType; }
  public void setStockType(String v) { stockType = v; }
  public String getStockName() { return stockName; }
  public void setStockName(String v) { stockName = v; }
  public String getStockConfig() { return stockConfig; }
  public void setStockConfig(String v) { stockConfig = v; }

  /** A mapper's settings in one line: {@code key=value}, the rules left out (they are in the table). */
  public String describe(DirectoryMapper mapper) {
    return mapper.config().entrySet().stream().filter(e -> !e.getKey().equals("rules")).map(e -> e.getKey() + "=" + String.join(",", e.getValue()))
        .collect(java.util.stream.Collectors.joining("  "));
  }

  public void addMapper() {
    ensureLoaded();
    java.util.Map<String, String> config = new java.util.LinkedHashMap<>();
    for (String line : stockConfig == null ? new String[0] : stockConfig.split("\\R")) {
      if (line.isBlank()) {
        continue;
      }
      int equals = line.indexOf('=');
      if (equals < 1) {
        error("Settings: write one key=value per line, not '" + line.strip() + "'.");
        return;
      }
      config.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
    }
    try {
      DirectoryMapper added = directories.addMapper(id, stockType, stockName, config, actor());
      info("Added " + added.type() + " '" + added.name() + "'.");
      stockName = null;
      stockConfig = null;
    } catch (org.tessera.identity.domain.InvalidDirectoryException e) {
      e.problems().forEach(p -> error(p.field() + ": " + p.message()));
    } catch (DomainException e) {
      error(e.getMessage());
    }
    mappers = directories.mappers(id);
  }

  public void removeMapper(DirectoryMapper mapper) {
    ensureLoaded();
    try {
      directories.removeMapper(id, mapper.id(), actor());
      info("Removed " + mapper.type() + " '" + mapper.name() + "'.");
      if (mapper.type().equals("tessera-group-rules-ldap-mapper")) {
        show(directories.groupRules(id));
      }
    } catch (DomainException e) {
      error(e.getMessage());
    }
    mappers = directories.mappers(id);
  }

  /** Names for display: comma-separated. */
  public String joined(List<String> names) {
    return String.join(", ", names);
  }

  public void addRow() {
    ensureLoaded();
    rows.add(new Row());
  }

  public void removeRow(Row row) {
    ensureLoaded();
    rows.remove(row);
  }

  public void save() {
    ensureLoaded();
    try {
      GroupRuleSettings saved = directories.replaceGroupRules(id, settings.with(rows), actor());
      show(saved);
      mappers = directories.mappers(id);
      info(saved.rules().isEmpty() ? "No rules: the rule mapper is removed (roles it gave stay until removed by hand)."
          : "Saved " + saved.rules().size() + " rule(s). They apply at each user's next sign-in or sync.");
    } catch (InvalidGroupRulesException e) {
      e.problems().forEach(p -> error(p.message()));
    } catch (DomainException e) {
      error(e.getMessage());
    }
  }

  /** Previews the rules as they are in the table now, saved or not. */
  public void preview() {
    ensureLoaded();
    preview = null;
    try {
      preview = directories.previewGroupRules(id, new GroupRulePreviewRequest(previewUser, previewGroup, settings.with(rows)), actor());
      if (preview.directoryGroups().isEmpty()) {
        info("The directory lists no groups for " + preview.username() + " under " + settings.groupsDn + ": the rules give nothing.");
      }
    } catch (InvalidGroupRulesException e) {
      e.problems().forEach(p -> error(p.message()));
    } catch (DomainException e) {
      error(e.getMessage());
    }
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

  /** One editable rule; roles and groups as comma-separated text. */
  public static class Row implements Serializable {
    private String match = "cn";
    private String pattern;
    private String roles;
    private String groups;

    static Row of(GroupRule r) {
      Row row = new Row();
      row.match = r.match();
      row.pattern = r.pattern();
      row.roles = String.join(", ", r.roles());
      row.groups = String.join(", ", r.groups());
      return row;
    }

    GroupRule toRule() {
      return new GroupRule(match, pattern, split(roles), split(groups));
    }

    private static List<String> split(String text) {
      return text == null ? List.of() : Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public String getMatch() { return match; }
    public void setMatch(String v) { match = v; }
    public String getPattern() { return pattern; }
    public void setPattern(String v) { pattern = v; }
    public String getRoles() { return roles; }
    public void setRoles(String v) { roles = v; }
    public String getGroups() { return groups; }
    public void setGroups(String v) { groups = v; }
  }

  /** Where and how the directory's groups are found. */
  public static class Settings implements Serializable {
    private String groupsDn;
    private String groupObjectClasses;
    private String membershipAttribute;
    private String membershipType;
    private String membershipUserAttribute;
    private boolean nestedAdGroups;

    GroupRuleSettings with(List<Row> rows) {
      return new GroupRuleSettings(null, rows.stream().map(Row::toRule).toList(), groupsDn, groupObjectClasses, membershipAttribute, membershipType,
          membershipUserAttribute, nestedAdGroups);
    }

    public String getGroupsDn() { return groupsDn; }
    public void setGroupsDn(String v) { groupsDn = v; }
    public String getGroupObjectClasses() { return groupObjectClasses; }
    public void setGroupObjectClasses(String v) { groupObjectClasses = v; }
    public String getMembershipAttribute() { return membershipAttribute; }
    public void setMembershipAttribute(String v) { membershipAttribute = v; }
    public String getMembershipType() { return membershipType; }
    public void setMembershipType(String v) { membershipType = v; }
    public String getMembershipUserAttribute() { return membershipUserAttribute; }
    public void setMembershipUserAttribute(String v) { membershipUserAttribute = v; }
    public boolean isNestedAdGroups() { return nestedAdGroups; }
    public void setNestedAdGroups(boolean v) { nestedAdGroups = v; }
  }
}
