package org.tessera.identity.application;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;
import org.tessera.audit.application.AuditRecord;
import org.tessera.audit.application.AuditService;
import org.tessera.identity.domain.Permission;
import org.tessera.identity.domain.PermissionGrants;
import org.tessera.identity.domain.PermissionPolicy;
import org.tessera.identity.domain.PermissionRepository;
import org.tessera.identity.domain.Roles;
import org.tessera.identity.domain.UnknownPermissionException;
import org.tessera.identity.domain.UserProfile;

/** Permission decisions through {@link PermissionPolicy} over the stored lists. */
@Stateless
@Local(PermissionService.class)
public class PermissionServiceBean implements PermissionService {

  @Inject PermissionRepository repository;
  @EJB AuditService audit;

  @Override
  @PermitAll
  public boolean allows(UserProfile user, Permission permission) {
    return policy().allows(user, permission);
  }

  @Override
  @PermitAll
  public void check(UserProfile user, Permission permission) {
    policy().check(user, permission);
  }

  @Override
  @RolesAllowed(Roles.ADMIN)
  public Map<Permission, PermissionGrants> lists() {
    Map<Permission, PermissionGrants> lists = new EnumMap<>(Permission.class);
    for (Permission permission : Permission.values()) {
      lists.put(permission, PermissionGrants.NONE);
    }
    lists.putAll(repository.all());
    return lists;
  }

  @Override
  @RolesAllowed(Roles.ADMIN)
  public void replace(String key, PermissionGrants grants, String actor) {
    Permission permission = Permission.byKey(key).orElseThrow(() -> new UnknownPermissionException(key));
    repository.replace(permission, grants);
    audit.record(
        new AuditRecord(
            actor,
            "identity.permissions-changed",
            permission.key(),
            null,
            org.tessera.audit.domain.AuditEvent.Outcome.SUCCESS,
            "users=" + grants.users() + " groups=" + grants.groups() + " roles=" + grants.roles()));
  }

  private PermissionPolicy policy() {
    return new PermissionPolicy(repository.all());
  }
}
