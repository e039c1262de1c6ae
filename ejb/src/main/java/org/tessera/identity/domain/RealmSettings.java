package org.tessera.identity.domain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The realm's session and token timeouts (seconds), whether refresh tokens are single-use, and
 * whether people may register themselves on the login page. As a change, null values keep the
 * current ones; {@link #applyTo} checks the result as a whole before anything is saved.
 */
public record RealmSettings(Map<RealmTimeout, Integer> timeouts, Boolean revokeRefreshToken, Boolean registrationAllowed) implements java.io.Serializable {

  public RealmSettings {
    timeouts = timeouts == null || timeouts.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(timeouts));
  }

  public Integer timeout(RealmTimeout t) {
    return timeouts.get(t);
  }

  public boolean isEmpty() {
    return timeouts.isEmpty() && revokeRefreshToken == null && registrationAllowed == null;
  }

  /**
   * This change over {@code current}: the settings to save, or {@link InvalidRealmSettingsException}
   * with every problem (a timeout out of range, an access token outliving the SSO session, an idle
   * time longer than the session's maximum).
   */
  public RealmSettings applyTo(RealmSettings current) {
    if (isEmpty()) {
      throw new InvalidRealmSettingsException("settings", "Send at least one setting to change, e.g. {\"ssoSessionIdleTimeout\": 1800}; GET shows them all.");
    }
    List<InvalidRealmSettingsException.FieldProblem> problems = new ArrayList<>();
    Map<RealmTimeout, Integer> merged = new EnumMap<>(RealmTimeout.class);
    merged.putAll(current.timeouts());
    timeouts.forEach((t, seconds) -> {
      if (seconds == null || seconds < t.minSeconds() || seconds > RealmTimeout.MAX_SECONDS) {
        problems.add(new InvalidRealmSettingsException.FieldProblem(t.key(),
            t.label() + " must be between " + t.minSeconds() + " seconds and " + RealmTimeout.MAX_SECONDS + " seconds (one year); it was " + seconds + "."));
      } else {
        merged.put(t, seconds);
      }
    });
    Integer idle = merged.get(RealmTimeout.SSO_SESSION_IDLE);
    Integer max = merged.get(RealmTimeout.SSO_SESSION_MAX);
    Integer token = merged.get(RealmTimeout.ACCESS_TOKEN_LIFESPAN);
    if (problems.isEmpty() && idle != null && max != null && idle > max) {
      problems.add(new InvalidRealmSettingsException.FieldProblem(field(RealmTimeout.SSO_SESSION_IDLE, RealmTimeout.SSO_SESSION_MAX),
          "SSO Session Idle (" + idle + " s) must not be longer than SSO Session Max (" + max + " s): lower the idle time or raise the maximum."));
    }
    if (problems.isEmpty() && token != null && idle != null && token >= idle) {
      problems.add(new InvalidRealmSettingsException.FieldProblem(field(RealmTimeout.ACCESS_TOKEN_LIFESPAN, RealmTimeout.SSO_SESSION_IDLE),
          "Access Token Lifespan (" + token + " s) must be shorter than SSO Session Idle (" + idle + " s), or tokens would outlive the session that issued them."));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRealmSettingsException(problems);
    }
    return new RealmSettings(merged,
        revokeRefreshToken == null ? current.revokeRefreshToken() : revokeRefreshToken,
        registrationAllowed == null ? current.registrationAllowed() : registrationAllowed);
  }

  /** The field the change touched, of the two that conflict. */
  private String field(RealmTimeout a, RealmTimeout b) {
    return timeouts.containsKey(a) || !timeouts.containsKey(b) ? a.key() : b.key();
  }

  /** What changed from {@code before}, for the audit trail: {@code key: old -> new}. */
  public String changesFrom(RealmSettings before) {
    List<String> changes = new ArrayList<>();
    for (RealmTimeout t : RealmTimeout.values()) {
      if (timeouts.get(t) != null && !timeouts.get(t).equals(before.timeouts().get(t))) {
        changes.add(t.key() + ": " + before.timeouts().get(t) + " -> " + timeouts.get(t));
      }
    }
    if (revokeRefreshToken != null && !revokeRefreshToken.equals(before.revokeRefreshToken())) {
      changes.add("revokeRefreshToken: " + before.revokeRefreshToken() + " -> " + revokeRefreshToken);
    }
    if (registrationAllowed != null && !registrationAllowed.equals(before.registrationAllowed())) {
      changes.add("registrationAllowed: " + before.registrationAllowed() + " -> " + registrationAllowed);
    }
    return changes.isEmpty() ? "no change" : String.join(", ", changes);
  }
}
