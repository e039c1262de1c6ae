package org.tessera.identity.domain;

import jakarta.ejb.ApplicationException;
import org.tessera.shared.domain.DomainException;

/** The caller lacks a platform permission; the message names it and who can grant it. */
@ApplicationException(rollback = true)
public class PermissionDeniedException extends DomainException {

  private final Permission permission;

  public PermissionDeniedException(String username, Permission permission) {
    super(
        username
            + " may not "
            + permission.description().substring(0, 1).toLowerCase()
            + permission.description().substring(1, permission.description().length() - 1)
            + ": ask an administrator for "
            + permission.builtInRole().map(r -> "the role " + r + " or ").orElse("")
            + "a place in the " + permission.key() + " lists.");
    this.permission = permission;
  }

  public Permission permission() {
    return permission;
  }
}
