package org.tessera.identity.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.tessera.audit.application.AuditRecord;
import org.tessera.audit.application.AuditService;
import org.tessera.audit.domain.AuditEvent.Outcome;
import org.tessera.identity.domain.ConnectionCheck;
import org.tessera.identity.domain.Directory;
import org.tessera.identity.domain.DirectoryAlreadyExistsException;
import org.tessera.identity.domain.DirectoryNotFoundException;
import org.tessera.identity.domain.DirectoryProvider;
import org.tessera.identity.domain.DirectorySettings;
import org.tessera.identity.domain.DirectorySyncLog;
import org.tessera.identity.domain.DirectorySyncResult;
import org.tessera.identity.domain.DirectoryTrust;
import org.tessera.identity.domain.Roles;
import org.tessera.identity.domain.SyncMode;
import org.tessera.identity.domain.StockMapper;
import org.tessera.identity.domain.InvalidDirectoryException;
import org.tessera.identity.domain.DirectoryMapper;
import org.tessera.identity.domain.DirectoryUserGroups;
import org.tessera.identity.domain.GroupRulePreview;
import org.tessera.identity.domain.GroupRulePreviewRequest;
import org.tessera.identity.domain.GroupRuleSettings;
import org.tessera.identity.domain.InvalidGroupRulesException;
import org.tessera.ldap.mappers.rules.Grants;
import org.tessera.ldap.mappers.rules.GroupDns;
import org.tessera.ldap.mappers.rules.MappingRules;
import javax.naming.ldap.Rdn;

/** Directories through the {@link DirectoryProvider} (Keycloak), checked before anything is sent. */
@Stateless
@Local(DirectoryService.class)
@RolesAllowed(Roles.ADMIN)
public class DirectoryServiceBean implements DirectoryService {

  @Inject DirectoryProvider provider;
  @Inject DirectorySyncLog syncLog;
  @Inject DirectoryTrust trust;
  @EJB AuditService audit;

  @Override
  public List<Directory> list() {
    return provider.list().stream().map(d -> d.withLastSync(syncLog.last(d.id()).orElse(null))).toList();
  }

  @Override
  public Directory get(String id) {
    return provider.find(id).map(d -> d.withLastSync(syncLog.last(id).orElse(null))).orElseThrow(() -> new DirectoryNotFoundException(id));
  }

  @Override
  public Directory add(DirectorySettings settings, String actor) {
    DirectorySettings checked = settings.completed(true);
    if (provider.list().stream().anyMatch(d -> d.settings().name().equalsIgnoreCase(checked.name()))) {
      throw new DirectoryAlreadyExistsException(checked.name());
    }
    String id = provider.create(checked);
    if (checked.caCertificatePem() != null) {
      try {
        trust.trust(id, checked.caCertificatePem());
      } catch (RuntimeException e) {
        provider.delete(id); // all or nothing
        throw e;
      }
    }
    audit.record(new AuditRecord(actor, "identity.directory-added", id, null, Outcome.SUCCESS, describe(checked)));
    return get(id);
  }

  @Override
  public Directory update(String id, DirectorySettings settings, String actor) {
    provider.find(id).orElseThrow(() -> new DirectoryNotFoundException(id));
    DirectorySettings checked = settings.completed(false);
    if (provider.list().stream().anyMatch(d -> !d.id().equals(id) && d.settings().name().equalsIgnoreCase(checked.name()))) {
      throw new DirectoryAlreadyExistsException(checked.name());
    }
    if (checked.caCertificatePem() != null) {
      trust.trust(id, checked.caCertificatePem());
    }
    provider.update(id, checked);
    audit.record(new AuditRecord(actor, "identity.directory-changed", id, null, Outcome.SUCCESS,
        describe(checked) + (checked.bindCredential() == null ? "" : " bindCredential=changed")));
    return get(id);
  }

  @Override
  public void remove(String id, String actor) {
    provider.delete(id);
    trust.forget(id);
    syncLog.forget(id);
    audit.record(AuditRecord.success(actor, "identity.directory-removed", id, null));
  }

  @Override
  public ConnectionCheck test(String id, boolean authenticate, DirectorySettings overrides, String actor) {
    return provider.test(id, authenticate, overrides);
  }

  @Override
  public DirectorySyncResult sync(String id, String mode, String actor) {
    SyncMode syncMode = SyncMode.parse(mode);
    provider.find(id).orElseThrow(() -> new DirectoryNotFoundException(id));
    DirectorySyncResult result;
    try {
      result = provider.sync(id, syncMode);
    } catch (RuntimeException e) {
      // Keep the reason for the admin page even when Keycloak itself could not be asked.
      result = DirectorySyncResult.failed(id, syncMode.key(), Instant.now(), e.getMessage());
    }
    syncLog.record(result);
    audit.record(new AuditRecord(actor, "identity.directory-synced", id, null, result.ok() ? Outcome.SUCCESS : Outcome.FAILURE,
        result.ok() ? syncMode.key() + ": added=" + result.added() + " updated=" + result.updated() + " removed=" + result.removed() + " failed=" + result.failed() : result.error()));
    return result;
  }

  /** The audit detail: what identifies the connection, never the password. */
  private static String describe(DirectorySettings s) {
    return "name=" + s.name() + " vendor=" + s.vendor() + " url=" + s.connectionUrl() + " usersDn=" + s.usersDn() + (s.groupsDn() == null ? "" : " groupsDn=" + s.groupsDn())
        + (s.caCertificatePem() == null ? "" : " caCertificate=stored (used after Keycloak's next restart)");
  }

  @Override
  public List<DirectoryMapper> mappers(String id) {
    return provider.mappers(id);
  }

  @Override
  public GroupRuleSettings groupRules(String id) {
    Directory directory = get(id);
    return provider.groupRules(id).orElseGet(() -> GroupRuleSettings.defaults(directory.settings().vendorPreset(), directory.settings().groupsDn()));
  }

  @Override
  public GroupRuleSettings replaceGroupRules(String id, GroupRuleSettings settings, String actor) {
    GroupRuleSettings checked = settings.completed(groupRules(id), true);
    GroupRuleSettings saved = provider.saveGroupRules(id, checked);
    audit.record(new AuditRecord(actor, "identity.group-rules-changed", id, null, Outcome.SUCCESS,
        saved.rules().isEmpty() ? "rules removed" : "groupsDn=" + saved.groupsDn() + " rules: " + String.join(" | ", saved.lines())));
    return saved.rules().isEmpty() ? groupRules(id) : saved;
  }

  @Override
  public GroupRulePreview previewGroupRules(String id, GroupRulePreviewRequest request, String actor) {
    GroupRuleSettings saved = groupRules(id);
    // Unsaved settings without rules preview the saved rules with those settings.
    boolean useSaved = request.settings() == null || request.settings().rules() == null;
    GroupRuleSettings settings = request.settings() == null ? saved : request.settings().completed(saved, false);
    boolean byUser = request.username() != null && !request.username().isBlank();
    boolean byGroup = request.group() != null && !request.group().isBlank();
    if (byUser == byGroup) {
      throw new InvalidGroupRulesException("username", "Give either a user name (username) or a group (group: a DN or a name), not " + (byUser ? "both." : "neither."));
    }
    if (settings.groupsDn() == null && !(byGroup && GroupDns.isDn(request.group()) && request.group().contains("="))) {
      throw new InvalidGroupRulesException("groupsDn", "Say where the directory's groups are (groupsDn), for example ou=groups,dc=example,dc=org.");
    }
    String username = null;
    String userDn = null;
    List<String> groupDns;
    if (byUser) {
      DirectoryUserGroups found = provider.userGroups(id, request.username().strip(), settings);
      username = found.username();
      userDn = found.dn();
      groupDns = found.groups();
    } else {
      String group = request.group().strip();
      groupDns = List.of(GroupDns.isDn(group) && group.contains("=") ? group : "cn=" + Rdn.escapeValue(group) + "," + settings.groupsDn());
    }
    MappingRules rules = settings.parsed();
    List<GroupRulePreview.RuleOutcome> outcomes =
        rules.rules().stream().map(rule -> new GroupRulePreview.RuleOutcome(rule.toLine(), groupDns.stream().filter(rule::matches).toList())).toList();
    Grants grants = rules.evaluate(groupDns);
    return new GroupRulePreview(username, userDn, groupDns, outcomes, List.copyOf(grants.roles()), List.copyOf(grants.groups()), useSaved);
  }

  @Override
  public DirectoryMapper addMapper(String id, String type, String name, java.util.Map<String, String> config, String actor) {
    Directory directory = get(id);
    StockMapper stock = StockMapper.byType(type).orElseThrow(() -> new InvalidDirectoryException("type", "Unknown mapper type '" + (type == null ? "" : type) + "': use one of "
        + StockMapper.types() + ". Group rules have their own endpoint (group-rules)."));
    if (stock == StockMapper.MSAD_ACCOUNT_CONTROL && directory.settings().vendorPreset() != org.tessera.identity.domain.DirectoryVendor.ACTIVE_DIRECTORY) {
      throw new InvalidDirectoryException("type", "The MSAD account control mapper reads Active Directory's userAccountControl; this directory's vendor is " + directory.settings().vendor() + ".");
    }
    String mapperName = name == null || name.isBlank() ? stock.defaultName() : name.strip();
    if (provider.mappers(id).stream().anyMatch(m -> m.name().equalsIgnoreCase(mapperName))) {
      throw new InvalidDirectoryException("name", "The directory already has a mapper named '" + mapperName + "': choose another name.");
    }
    DirectoryMapper added = provider.addStockMapper(id, stock, mapperName, config == null ? java.util.Map.of() : config);
    audit.record(new AuditRecord(actor, "identity.directory-mapper-added", id, null, Outcome.SUCCESS, stock.type() + " " + mapperName + " " + added.config()));
    return added;
  }

  @Override
  public void removeMapper(String id, String mapperId, String actor) {
    get(id);
    provider.removeMapper(id, mapperId);
    audit.record(new AuditRecord(actor, "identity.directory-mapper-removed", id, null, Outcome.SUCCESS, "mapper " + mapperId));
  }
}
