package org.tessera.it.arquillian;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.tessera.audit.application.AuditService;
import org.tessera.audit.domain.AuditPage;
import org.tessera.audit.domain.AuditQuery;
import org.tessera.identity.domain.Roles;

/**
 * Calls the audit service as an administrator from inside the container: any caller may call
 * this bean, which calls on with the {@code ae-admin} role ({@link RunAs}) and no signed-in user.
 */
@Stateless
@PermitAll
@DeclareRoles(Roles.ADMIN)
@RunAs(Roles.ADMIN)
public class AsAdministrator {

  @Inject AuditService audit;

  public AuditPage search(AuditQuery query) {
    return audit.search(query);
  }
}
