package org.tessera.shared.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** Run-time settings in the {@code platform_setting} table; callers own their names and checks. */
@ApplicationScoped
public class SettingRows {

  @PersistenceContext(unitName = "tessera")
  EntityManager em;

  public Optional<String> get(String name) {
    return Optional.ofNullable(em.find(PlatformSettingRow.class, name)).map(r -> r.value);
  }

  public void put(String name, String value) {
    PlatformSettingRow row = em.find(PlatformSettingRow.class, name);
    if (row == null) {
      em.persist(new PlatformSettingRow(name, value));
    } else {
      row.value = value;
    }
  }
}
