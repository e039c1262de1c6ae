package org.tessera.identity.rest.dto;

import org.tessera.identity.domain.DirectorySettings;

/**
 * A directory to add or the new settings of one; names are Keycloak's LDAP provider settings.
 * Empty fields take the vendor's defaults; {@code bindCredential} is write-only.
 */
public record DirectoryRequest(
    String name,
    String vendor,
    String connectionUrl,
    Boolean startTls,
    String bindDn,
    String bindCredential,
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
    String caCertificatePem) {

  public DirectorySettings toSettings() {
    return new DirectorySettings(name, vendor, connectionUrl, startTls, bindDn, bindCredential, usersDn, usernameLDAPAttribute, rdnLDAPAttribute, uuidLDAPAttribute,
        userObjectClasses, customUserSearchFilter, searchScope, editMode, pagination, batchSizeForSync, fullSyncPeriod, changedSyncPeriod, enabled, groupsDn, caCertificatePem);
  }
}
