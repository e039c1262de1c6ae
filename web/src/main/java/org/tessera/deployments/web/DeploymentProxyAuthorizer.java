package org.tessera.deployments.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tessera.deployments.application.AppAccess;
import org.tessera.deployments.application.AppRoute;
import org.tessera.deployments.application.DeploymentChanged;
import org.tessera.deployments.application.DeploymentService;
import org.tessera.identity.domain.UserProfile;
import org.tessera.shared.domain.AccessChanged;

/**
 * The proxy's answers about deployments, kept for a few seconds so that the requests of a page, or
 * a machine's stream of API calls, do not each ask the database: who may open which deployment
 * (per user or per token; never past a token's expiry) and where its versions run. A change to
 * the deployment (terminate, unshare, revoked token, new split) or to its project's shares drops
 * them at once.
 */
@ApplicationScoped
public class DeploymentProxyAuthorizer {

  private static final Duration KEEP = Duration.ofSeconds(10);
  private static final Duration KEEP_ROUTE = Duration.ofSeconds(2);

  @EJB DeploymentService deployments;

  private record Kept<T>(T value, Instant until) {
    boolean fresh() {
      return Instant.now().isBefore(until);
    }
  }

  private final Map<String, Kept<AppAccess>> access = new ConcurrentHashMap<>();
  private final Map<String, Kept<AppRoute>> routes = new ConcurrentHashMap<>();

  /** The access of a signed-in user ({@code token} null) or of a token holder ({@code user} null). */
  public AppAccess access(UserProfile user, String token, String urlPath) {
    String key = (token != null ? "token\n" + token : "user\n" + (user == null ? "" : user.username())) + "\n" + urlPath;
    Kept<AppAccess> kept = access.get(key);
    if (kept != null && kept.fresh()) {
      return kept.value();
    }
    AppAccess decision = deployments.access(user, token, urlPath);
    if (decision.status() != 404) {
      Instant until = Instant.now().plus(KEEP);
      access.put(key, new Kept<>(decision, decision.validUntil().isBefore(until) ? decision.validUntil() : until));
    }
    return decision;
  }

  /** Where the deployment's versions run; short-lived, so that a version that starts is soon served. */
  public AppRoute route(String deploymentId) {
    Kept<AppRoute> kept = routes.get(deploymentId);
    if (kept != null && kept.fresh()) {
      return kept.value();
    }
    AppRoute route = deployments.route(deploymentId);
    routes.put(deploymentId, new Kept<>(route, Instant.now().plus(route.backends().isEmpty() ? Duration.ZERO : KEEP_ROUTE)));
    return route;
  }

  void forget(@Observes(during = TransactionPhase.AFTER_COMPLETION) DeploymentChanged change) {
    routes.remove(change.deploymentId());
    access.values().removeIf(k -> change.deploymentId().equals(k.value().deploymentId()));
  }

  void forget(@Observes AccessChanged change) {
    if (change.projectId() != null) {
      access.values().removeIf(k -> change.projectId().equals(k.value().projectId()));
    }
  }
}
