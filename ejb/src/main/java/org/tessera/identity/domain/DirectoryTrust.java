package org.tessera.identity.domain;

/**
 * The company CAs Keycloak trusts for {@code ldaps://} directories (port). Keycloak reads its
 * truststore when it starts, so a stored CA takes effect after Keycloak's next restart.
 */
public interface DirectoryTrust {

  /** Keeps the directory's CA certificate(s), replacing an earlier one. */
  void trust(String directoryId, String caCertificatePem);

  /** Drops the directory's CA, if it had one. */
  void forget(String directoryId);
}
