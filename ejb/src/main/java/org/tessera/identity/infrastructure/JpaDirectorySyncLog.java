package org.tessera.identity.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.tessera.identity.domain.DirectorySyncLog;
import org.tessera.identity.domain.DirectorySyncResult;

/** Last sync results as rows of {@code directory_sync}, one per directory. */
@ApplicationScoped
public class JpaDirectorySyncLog implements DirectorySyncLog {

  @PersistenceContext(unitName = "tessera")
  EntityManager em;

  @Override
  public void record(DirectorySyncResult result) {
    DirectorySyncRow row = em.find(DirectorySyncRow.class, result.directoryId());
    if (row == null) {
      row = new DirectorySyncRow(result.directoryId());
      row.set(result);
      em.persist(row);
    } else {
      row.set(result);
    }
  }

  @Override
  public Optional<DirectorySyncResult> last(String directoryId) {
    return Optional.ofNullable(em.find(DirectorySyncRow.class, directoryId)).map(DirectorySyncRow::toResult);
  }

  @Override
  public void forget(String directoryId) {
    em.createQuery("DELETE FROM DirectorySyncRow r WHERE r.directoryId = :id").setParameter("id", directoryId).executeUpdate();
  }
}
