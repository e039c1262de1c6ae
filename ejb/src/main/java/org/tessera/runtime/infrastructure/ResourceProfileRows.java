package org.tessera.runtime.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.tessera.runtime.application.ResourceProfileService.Listed;
import org.tessera.runtime.domain.ResourceProfile;

/** The {@code resource_profile} table; at most one row is the default. */
@ApplicationScoped
public class ResourceProfileRows {

  @PersistenceContext(unitName = "tessera")
  EntityManager em;

  public List<Listed> all() {
    return em.createQuery("SELECT r FROM ResourceProfileRow r", ResourceProfileRow.class).getResultList().stream().map(r -> new Listed(r.toProfile(), r.isDefault)).toList();
  }

  public void save(ResourceProfile profile, boolean isDefault) {
    if (isDefault) {
      em.createQuery("UPDATE ResourceProfileRow r SET r.isDefault = false WHERE r.name <> :name").setParameter("name", profile.name()).executeUpdate();
    }
    ResourceProfileRow row = em.find(ResourceProfileRow.class, profile.name());
    if (row == null) {
      em.persist(new ResourceProfileRow(profile, isDefault));
    } else {
      row.update(profile, isDefault);
    }
  }

  public void delete(String name) {
    ResourceProfileRow row = em.find(ResourceProfileRow.class, name);
    if (row != null) {
      em.remove(row);
    }
  }
}
