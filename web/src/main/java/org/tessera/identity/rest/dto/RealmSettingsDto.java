package org.tessera.identity.rest.dto;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tessera.identity.domain.InvalidRealmSettingsException;
import org.tessera.identity.domain.RealmSettings;
import org.tessera.identity.domain.RealmTimeout;

/**
 * The realm settings as JSON: each timeout under Keycloak's field name in seconds
 * ({@code ssoSessionIdleTimeout}, {@code ssoSessionMaxLifespan}, {@code accessTokenLifespan}, ...),
 * {@code revokeRefreshToken} and {@code registrationAllowed}. A map, so that a PUT can be told
 * exactly which field it names that does not exist or is not a number.
 */
public final class RealmSettingsDto {

  private RealmSettingsDto() {}

  public static Map<String, Object> from(RealmSettings s) {
    Map<String, Object> json = new LinkedHashMap<>();
    for (RealmTimeout t : RealmTimeout.values()) {
      json.put(t.key(), s.timeout(t));
    }
    json.put("revokeRefreshToken", s.revokeRefreshToken());
    json.put("registrationAllowed", s.registrationAllowed());
    return json;
  }

  /** The change a PUT body asks for; unknown fields and values of the wrong type are refused, all at once. */
  public static RealmSettings toChange(Map<String, Object> body) {
    if (body == null) {
      return new RealmSettings(null, null, null);
    }
    List<InvalidRealmSettingsException.FieldProblem> problems = new ArrayList<>();
    Map<RealmTimeout, Integer> timeouts = new EnumMap<>(RealmTimeout.class);
    Boolean revoke = null;
    Boolean registration = null;
    for (Map.Entry<String, Object> e : body.entrySet()) {
      String key = e.getKey();
      Object value = e.getValue();
      if (key.equals("revokeRefreshToken") || key.equals("registrationAllowed")) {
        if (!(value instanceof Boolean b)) {
          problems.add(new InvalidRealmSettingsException.FieldProblem(key, key + " must be true or false."));
        } else if (key.equals("revokeRefreshToken")) {
          revoke = b;
        } else {
          registration = b;
        }
        continue;
      }
      var timeout = RealmTimeout.byKey(key);
      if (timeout.isEmpty()) {
        problems.add(new InvalidRealmSettingsException.FieldProblem(key, "Unknown setting '" + key + "'; the settings are " + String.join(", ", from(new RealmSettings(null, null, null)).keySet()) + "."));
      } else if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()) || Math.abs(n.doubleValue()) > Integer.MAX_VALUE) {
        problems.add(new InvalidRealmSettingsException.FieldProblem(key, timeout.get().label() + " must be a whole number of seconds, e.g. 1800 for 30 minutes."));
      } else {
        timeouts.put(timeout.get(), n.intValue());
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidRealmSettingsException(problems);
    }
    return new RealmSettings(timeouts, revoke, registration);
  }
}
