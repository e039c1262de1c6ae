package org.tessera.identity.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tessera.audit.application.AuditRecord;
import org.tessera.audit.application.AuditService;
import org.tessera.identity.domain.UserProfile;

/**
 * Remembers the most recent Keycloak sessions in memory; after a restart a session that is still
 * alive is recorded once more, which the audit trail tolerates better than a database look-up on
 * every request.
 */
@Singleton
@Local(SignInService.class)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@PermitAll
public class SignInServiceBean implements SignInService {

  private static final int REMEMBERED_SESSIONS = 10_000;

  @EJB AuditService audit;

  private final Map<String, Boolean> seenSessions =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > REMEMBERED_SESSIONS;
        }
      };

  @Override
  public void seen(UserProfile user, String sessionId, String clientAddress, String client) {
    if (sessionId == null || !firstSighting(sessionId)) {
      return;
    }
    audit.record(
        AuditRecord.success(user.username(), "identity.sign-in", "client:" + client + " session:" + sessionId, clientAddress));
  }

  private boolean firstSighting(String sessionId) {
    synchronized (seenSessions) {
      return seenSessions.put(sessionId, Boolean.TRUE) == null;
    }
  }
}
