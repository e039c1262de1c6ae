package org.tessera.sessions.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tessera.identity.domain.UserProfile;
import org.tessera.sessions.application.ProxyDecision;
import org.tessera.sessions.application.SessionService;
import org.tessera.shared.domain.AccessChanged;

/**
 * The proxy's access decisions, kept for a few seconds per user and session so that the requests
 * of one page (and every websocket frame's connection) do not each ask the database. A stopped
 * session or a change to its project's shares drops them at once.
 */
@ApplicationScoped
public class SessionProxyAuthorizer {

  private static final Duration KEEP = Duration.ofSeconds(10);

  @EJB SessionService sessions;

  private record Kept(ProxyDecision decision, Instant until) {}

  private final Map<String, Kept> decisions = new ConcurrentHashMap<>();
  private final Map<String, Instant> lastActivity = new ConcurrentHashMap<>();

  public ProxyDecision decide(UserProfile user, String sessionId) {
    String key = user.username() + "\n" + sessionId;
    Kept kept = decisions.get(key);
    if (kept != null && Instant.now().isBefore(kept.until())) {
      return kept.decision();
    }
    ProxyDecision decision = sessions.proxyDecision(user, sessionId);
    if (decision.status() == 200 || decision.status() == 403) {
      decisions.put(key, new Kept(decision, Instant.now().plus(KEEP)));
    }
    return decision;
  }

  /** Remembers traffic, which keeps a session from being stopped as idle. */
  public void touched(String sessionId) {
    lastActivity.put(sessionId, Instant.now());
  }

  public Map<String, Instant> lastActivity() {
    return Map.copyOf(lastActivity);
  }

  void forget(@Observes AccessChanged change) {
    decisions.entrySet().removeIf(e -> matches(e.getKey(), e.getValue().decision(), change));
  }

  private static boolean matches(String key, ProxyDecision decision, AccessChanged change) {
    boolean session = change.sessionId() != null && key.endsWith("\n" + change.sessionId());
    boolean project = change.projectId() != null && change.projectId().equals(decision.projectId());
    return session || project;
  }
}
