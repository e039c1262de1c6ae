package org.tessera.audit.application;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.tessera.audit.domain.AuditEvent;
import org.tessera.audit.domain.AuditPage;
import org.tessera.audit.domain.AuditQuery;
import org.tessera.audit.domain.AuditRepository;
import org.tessera.identity.domain.Roles;

/** Audit trail service; see {@link AuditService}. */
@Stateless
@Local(AuditService.class)
public class AuditServiceBean implements AuditService {

  @Inject AuditRepository repository;

  private final Clock clock = Clock.systemUTC();

  @Override
  @PermitAll
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void record(AuditRecord record) {
    repository.add(
        new AuditEvent(
            OffsetDateTime.now(clock),
            record.actor(),
            record.action(),
            record.target(),
            record.clientAddress(),
            record.outcome(),
            record.detail()));
  }

  @Override
  @PermitAll
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public AuditPage searchOnBehalf(AuditQuery query) {
    return repository.search(query);
  }

  @Override
  @RolesAllowed(Roles.ADMIN)
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public AuditPage search(AuditQuery query) {
    return repository.search(query);
  }
}
