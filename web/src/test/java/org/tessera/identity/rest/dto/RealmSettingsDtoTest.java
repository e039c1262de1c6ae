package org.tessera.identity.rest.dto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tessera.identity.domain.InvalidRealmSettingsException;
import org.tessera.identity.domain.RealmSettings;
import org.tessera.identity.domain.RealmTimeout;

class RealmSettingsDtoTest {

  @Test
  void a_body_names_timeouts_by_keycloaks_fields() {
    RealmSettings change = RealmSettingsDto.toChange(Map.of("ssoSessionIdleTimeout", 3600, "registrationAllowed", true));

    assertThat(change.timeout(RealmTimeout.SSO_SESSION_IDLE)).isEqualTo(3600);
    assertThat(change.registrationAllowed()).isTrue();
    assertThat(change.revokeRefreshToken()).isNull();
  }

  @Test
  void unknown_fields_and_wrong_types_are_all_reported() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("ssoSessionIdle", 60);
    body.put("accessTokenLifespan", "5 minutes");
    body.put("ssoSessionMaxLifespan", 36000.5);
    body.put("registrationAllowed", "yes");

    assertThatThrownBy(() -> RealmSettingsDto.toChange(body)).isInstanceOfSatisfying(InvalidRealmSettingsException.class,
        e -> assertThat(e.problems()).extracting(InvalidRealmSettingsException.FieldProblem::field)
            .containsExactly("ssoSessionIdle", "accessTokenLifespan", "ssoSessionMaxLifespan", "registrationAllowed"));
  }

  @Test
  void the_answer_lists_every_timeout_of_the_seed() {
    assertThat(RealmSettingsDto.from(new RealmSettings(Map.of(RealmTimeout.ACCESS_TOKEN_LIFESPAN, 300), false, false)))
        .containsKeys("ssoSessionIdleTimeout", "ssoSessionMaxLifespan", "offlineSessionIdleTimeout", "accessTokenLifespan", "accessTokenLifespanForImplicitFlow",
            "accessCodeLifespan", "accessCodeLifespanLogin", "accessCodeLifespanUserAction", "actionTokenGeneratedByUserLifespan", "actionTokenGeneratedByAdminLifespan",
            "revokeRefreshToken", "registrationAllowed")
        .containsEntry("accessTokenLifespan", 300);
  }
}
