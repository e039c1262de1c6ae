package org.tessera.audit.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.List;
import org.tessera.audit.domain.AuditEvent;
import org.tessera.audit.domain.AuditPage;
import org.tessera.audit.domain.AuditQuery;
import org.tessera.audit.domain.AuditRepository;

/** Audit events in the {@code audit_event} table. */
@ApplicationScoped
public class JpaAuditRepository implements AuditRepository {

  @PersistenceContext(unitName = "tessera")
  EntityManager em;

  @Override
  public void add(AuditEvent event) {
    em.persist(event);
  }

  @Override
  public AuditPage search(AuditQuery query) {
    CriteriaBuilder cb = em.getCriteriaBuilder();

    CriteriaQuery<AuditEvent> select = cb.createQuery(AuditEvent.class);
    Root<AuditEvent> event = select.from(AuditEvent.class);
    select.where(filters(cb, event, query)).orderBy(cb.desc(event.get("occurredAt")), cb.desc(event.get("id")));
    TypedQuery<AuditEvent> page =
        em.createQuery(select).setFirstResult(query.page() * query.size()).setMaxResults(query.size());

    CriteriaQuery<Long> count = cb.createQuery(Long.class);
    Root<AuditEvent> counted = count.from(AuditEvent.class);
    count.select(cb.count(counted)).where(filters(cb, counted, query));

    return new AuditPage(page.getResultList(), em.createQuery(count).getSingleResult(), query.page(), query.size());
  }

  private static Predicate[] filters(CriteriaBuilder cb, Root<AuditEvent> event, AuditQuery query) {
    List<Predicate> where = new ArrayList<>();
    if (query.actor() != null) {
      where.add(cb.equal(event.get("actor"), query.actor()));
    }
    if (query.action() != null) {
      where.add(cb.like(event.get("action"), escapeLike(query.action()) + "%", '\\'));
    }
    if (query.target() != null) {
      where.add(cb.like(event.get("target"), escapeLike(query.target()) + "%", '\\'));
    }
    if (query.from() != null) {
      where.add(cb.greaterThanOrEqualTo(event.get("occurredAt"), query.from()));
    }
    if (query.to() != null) {
      where.add(cb.lessThan(event.get("occurredAt"), query.to()));
    }
    return where.toArray(Predicate[]::new);
  }

  private static String escapeLike(String value) {
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
