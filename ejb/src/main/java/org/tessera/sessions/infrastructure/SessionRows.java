package org.tessera.sessions.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.tessera.sessions.domain.Session;

/** Sessions in the {@code editor_session} table. */
@ApplicationScoped
public class SessionRows {

  @PersistenceContext(unitName = "tessera")
  EntityManager em;

  public void add(Session session) {
    em.persist(session);
  }

  public Optional<Session> byId(String id) {
    return Optional.ofNullable(em.find(Session.class, id));
  }

  public List<Session> ownedBy(String owner) {
    return em.createQuery("SELECT s FROM Session s WHERE s.owner = :owner ORDER BY s.createdAt DESC", Session.class).setParameter("owner", owner).getResultList();
  }

  public List<Session> all() {
    return em.createQuery("SELECT s FROM Session s ORDER BY s.createdAt DESC", Session.class).getResultList();
  }

  /** Sessions not stopped by a user, for checks that only running ones matter to. */
  public List<Session> notStopped() {
    return em.createQuery("SELECT s FROM Session s WHERE s.stoppedAt IS NULL", Session.class).getResultList();
  }
}
