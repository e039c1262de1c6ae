package org.tessera.identity.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tessera.identity.domain.Permission;
import org.tessera.identity.domain.PermissionGrants;
import org.tessera.identity.domain.PermissionRepository;
import org.tessera.identity.infrastructure.PermissionGrantRow.Kind;

/** Permission lists as rows of {@code permission_grant}. */
@ApplicationScoped
public class JpaPermissionRepository implements PermissionRepository {

  @PersistenceContext(unitName = "tessera")
  EntityManager em;

  @Override
  public Map<Permission, PermissionGrants> all() {
    Map<Permission, List<PermissionGrantRow>> byPermission = new EnumMap<>(Permission.class);
    for (PermissionGrantRow row : em.createQuery("SELECT r FROM PermissionGrantRow r", PermissionGrantRow.class).getResultList()) {
      // Rows of a permission this version no longer knows are kept but ignored.
      Permission.byKey(row.permissionKey()).ifPresent(p -> byPermission.computeIfAbsent(p, k -> new ArrayList<>()).add(row));
    }
    Map<Permission, PermissionGrants> lists = new EnumMap<>(Permission.class);
    byPermission.forEach(
        (permission, rows) ->
            lists.put(permission, PermissionGrants.of(names(rows, Kind.USER), names(rows, Kind.GROUP), names(rows, Kind.ROLE))));
    return lists;
  }

  @Override
  public void replace(Permission permission, PermissionGrants grants) {
    em.createQuery("DELETE FROM PermissionGrantRow r WHERE r.permissionKey = :key").setParameter("key", permission.key()).executeUpdate();
    add(permission, Kind.USER, grants.users());
    add(permission, Kind.GROUP, grants.groups());
    add(permission, Kind.ROLE, grants.roles());
  }

  private void add(Permission permission, Kind kind, Set<String> names) {
    names.forEach(name -> em.persist(new PermissionGrantRow(permission.key(), kind, name)));
  }

  private static List<String> names(List<PermissionGrantRow> rows, Kind kind) {
    return rows.stream().filter(r -> r.kind() == kind).map(PermissionGrantRow::name).toList();
  }
}
