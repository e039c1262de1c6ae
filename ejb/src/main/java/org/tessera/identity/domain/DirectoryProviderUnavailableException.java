package org.tessera.identity.domain;

import jakarta.ejb.ApplicationException;
import org.tessera.shared.domain.DomainException;

/**
 * Keycloak, which holds the directories and identity providers, could not be reached or refused
 * Tessera's service account.
 * The message says which, and what the operator can check.
 */
@ApplicationException(rollback = true)
public class DirectoryProviderUnavailableException extends DomainException {

  public DirectoryProviderUnavailableException(String message) {
    super(message);
  }
}
