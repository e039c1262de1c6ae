package org.tessera.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RealmSettingsTest {

  static final RealmSettings CURRENT = new RealmSettings(Map.of(
      RealmTimeout.SSO_SESSION_IDLE, 1800, RealmTimeout.SSO_SESSION_MAX, 36000, RealmTimeout.ACCESS_TOKEN_LIFESPAN, 300), false, false);

  @Test
  void a_change_keeps_what_it_does_not_name() {
    RealmSettings saved = new RealmSettings(Map.of(RealmTimeout.SSO_SESSION_IDLE, 3600), null, true).applyTo(CURRENT);

    assertThat(saved.timeout(RealmTimeout.SSO_SESSION_IDLE)).isEqualTo(3600);
    assertThat(saved.timeout(RealmTimeout.ACCESS_TOKEN_LIFESPAN)).isEqualTo(300);
    assertThat(saved.registrationAllowed()).isTrue();
    assertThat(saved.revokeRefreshToken()).isFalse();
    assertThat(saved.changesFrom(CURRENT)).isEqualTo("ssoSessionIdleTimeout: 1800 -> 3600, registrationAllowed: false -> true");
  }

  @Test
  void every_out_of_range_timeout_is_named() {
    assertThatThrownBy(() -> new RealmSettings(Map.of(RealmTimeout.ACCESS_TOKEN_LIFESPAN, 5, RealmTimeout.LOGIN_TIMEOUT, RealmTimeout.MAX_SECONDS + 1), null, null).applyTo(CURRENT))
        .isInstanceOfSatisfying(InvalidRealmSettingsException.class, e -> assertThat(e.problems()).extracting(InvalidRealmSettingsException.FieldProblem::field)
            .containsExactlyInAnyOrder("accessTokenLifespan", "accessCodeLifespanLogin"));
  }

  @Test
  void an_idle_time_longer_than_the_session_maximum_is_refused() {
    assertThatThrownBy(() -> new RealmSettings(Map.of(RealmTimeout.SSO_SESSION_MAX, 600), null, null).applyTo(CURRENT))
        .isInstanceOfSatisfying(InvalidRealmSettingsException.class, e -> {
          assertThat(e.problems()).extracting(InvalidRealmSettingsException.FieldProblem::field).containsExactly("ssoSessionMaxLifespan");
          assertThat(e.getMessage()).contains("SSO Session Idle (1800 s) must not be longer than SSO Session Max (600 s)");
        });
  }

  @Test
  void an_access_token_may_not_outlive_the_idle_session() {
    assertThatThrownBy(() -> new RealmSettings(Map.of(RealmTimeout.ACCESS_TOKEN_LIFESPAN, 1800), null, null).applyTo(CURRENT))
        .isInstanceOf(InvalidRealmSettingsException.class)
        .hasMessageContaining("Access Token Lifespan (1800 s) must be shorter than SSO Session Idle");
  }

  @Test
  void an_empty_change_is_refused_rather_than_silently_ignored() {
    assertThatThrownBy(() -> new RealmSettings(null, null, null).applyTo(CURRENT)).isInstanceOf(InvalidRealmSettingsException.class).hasMessageContaining("at least one setting");
  }
}
