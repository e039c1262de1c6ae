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
}
