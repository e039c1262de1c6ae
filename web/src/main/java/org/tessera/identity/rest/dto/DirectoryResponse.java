package org.tessera.identity.rest.dto;

import org.tessera.identity.domain.Directory;
import org.tessera.identity.domain.DirectorySettings;

/** A directory as Keycloak holds it, never with its bind password, and its last sync (null if none). */
public record DirectoryResponse(
    String id,
    String name,
    String vendor,
    String connectionUrl,
    Boolean startTls,
    String bindDn,
    String usersDn,
    String usernameLDAPAttribute,
    String rdnLDAPAttribute,
    String uuidLDAPAttribute,
    String userObjectClasses,
    String customUserSearchFilter,
    String searchScope,
    String editMode,
    Boolean pagination,
    Integer batchSizeForSync,
    Integer fullSyncPeriod,
    Integer changedSyncPeriod,
    Boolean enabled,
    String groupsDn,
    SyncResultResponse lastSync) {

  public static DirectoryResponse from(Directory d) {
    DirectorySettings s = d.settings();
    return new DirectoryResponse(d.id(), s.name(), s.vendor(), s.connectionUrl(), s.startTls(), s.bindDn(), s.usersDn(), s.usernameLDAPAttribute(), s.rdnLDAPAttribute(),
        s.uuidLDAPAttribute(), s.userObjectClasses(), s.customUserSearchFilter(), s.searchScope(), s.editMode(), s.pagination(), s.batchSizeForSync(),
        s.fullSyncPeriod(), s.changedSyncPeriod(), s.enabled(), s.groupsDn(), d.lastSync() == null ? null : SyncResultResponse.from(d.lastSync()));
  }
}
