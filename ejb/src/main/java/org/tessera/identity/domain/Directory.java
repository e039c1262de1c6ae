package org.tessera.identity.domain;

/**
 * One LDAP/AD connection of the realm as Keycloak holds it, without its bind password, with the
 * outcome of the last sync Tessera ran (null if none).
 */
public record Directory(String id, DirectorySettings settings, DirectorySyncResult lastSync) implements java.io.Serializable {

  public Directory withLastSync(DirectorySyncResult sync) {
    return new Directory(id, settings, sync);
  }
}
