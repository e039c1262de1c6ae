package org.tessera.channels.application;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/** Hands a queued run to a background worker once the row that queued it has committed. */
@ApplicationScoped
public class MirrorStarter {

  @EJB MirrorWorker worker;

  void queued(@Observes(during = TransactionPhase.AFTER_SUCCESS) MirrorQueued queued) {
    worker.run(queued.runId());
  }
}
