package org.tessera.channels.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.tessera.channels.domain.MirrorLogLine;
import org.tessera.channels.domain.MirrorResult;
import org.tessera.channels.domain.MirrorRun;
import org.tessera.channels.domain.MirrorStatus;

/** Mirror runs with their results and log lines. */
@ApplicationScoped
public class MirrorRows {

  @PersistenceContext(unitName = "tessera")
  EntityManager em;

  public void add(MirrorRun run) {
    em.persist(run);
    em.flush();
  }

  public Optional<MirrorRun> byId(String id) {
    return Optional.ofNullable(id == null ? null : em.find(MirrorRun.class, id));
  }

  /** The run, locked for the rest of the transaction (progress and log numbers are written by one worker, cancel by anyone). */
  public Optional<MirrorRun> locked(String id) {
    return Optional.ofNullable(em.find(MirrorRun.class, id, LockModeType.PESSIMISTIC_WRITE));
  }

  public List<MirrorRun> all(String owner) {
    return (owner == null
        ? em.createQuery("SELECT r FROM MirrorRun r ORDER BY r.createdAt DESC", MirrorRun.class)
        : em.createQuery("SELECT r FROM MirrorRun r WHERE r.owner = :o ORDER BY r.createdAt DESC", MirrorRun.class).setParameter("o", owner))
        .setMaxResults(500).getResultList();
  }

  public List<MirrorRun> unfinished() {
    return em.createQuery("SELECT r FROM MirrorRun r WHERE r.status = :q OR r.status = :r ORDER BY r.createdAt", MirrorRun.class)
        .setParameter("q", MirrorStatus.QUEUED).setParameter("r", MirrorStatus.RUNNING).getResultList();
  }

  public void log(MirrorLogLine line) {
    em.persist(line);
  }

  public List<MirrorLogLine> logs(String runId, long after, int max) {
    return em.createQuery("SELECT l FROM MirrorLogLine l WHERE l.runId = :r AND l.seq > :a ORDER BY l.seq", MirrorLogLine.class)
        .setParameter("r", runId).setParameter("a", after).setMaxResults(max).getResultList();
  }

  public Optional<MirrorResult> result(String runId, String file) {
    return em.createQuery("SELECT r FROM MirrorResult r WHERE r.runId = :r AND r.file = :f", MirrorResult.class)
        .setParameter("r", runId).setParameter("f", file).getResultStream().findFirst();
  }

  public void addResult(MirrorResult result) {
    em.persist(result);
  }

  public List<MirrorResult> results(String runId, int max) {
    return em.createQuery("SELECT r FROM MirrorResult r WHERE r.runId = :r ORDER BY r.file", MirrorResult.class)
        .setParameter("r", runId).setMaxResults(max).getResultList();
  }

  /** Every file the run published or found already there: its selection as it is in the channel. */
  public List<String> selection(String runId) {
    return em.createQuery("SELECT r.file FROM MirrorResult r WHERE r.runId = :r AND (r.outcome = :p OR r.outcome = :s) ORDER BY r.file", String.class)
        .setParameter("r", runId).setParameter("p", MirrorResult.Outcome.PUBLISHED).setParameter("s", MirrorResult.Outcome.SKIPPED).getResultList();
  }
}
