package org.tessera.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventQueryTest {

  @Test
  void types_are_upper_cased_and_blank_filters_dropped() {
    EventQuery q = new EventQuery(List.of("login", " LOGIN_ERROR ", "", "login"), " ", null, "user", null, null, null, 0, 10);

    assertThat(q.types()).containsExactly("LOGIN", "LOGIN_ERROR");
    assertThat(q.user()).isNull();
    assertThat(q.resourceType()).isEqualTo("USER");
  }

  @Test
  void bad_filters_name_their_field() {
    assertThatThrownBy(() -> new EventQuery(List.of("LOG IN"), null, null, null, null, null, null, 0, 10)).isInstanceOfSatisfying(InvalidUserRequestException.class, e -> assertThat(e.field()).isEqualTo("type"));
    assertThatThrownBy(() -> new EventQuery(List.of(), null, null, null, null, null, null, 0, 101)).isInstanceOfSatisfying(InvalidUserRequestException.class, e -> assertThat(e.field()).isEqualTo("size"));
    assertThatThrownBy(() -> new EventQuery(List.of(), null, null, null, null, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1), 0, 10))
        .isInstanceOfSatisfying(InvalidUserRequestException.class, e -> assertThat(e.field()).isEqualTo("from"));
    assertThatThrownBy(() -> EventQuery.date("to", "31.01.2026")).hasMessageContaining("yyyy-MM-dd");
  }

  @Test
  void required_actions_are_parsed_leniently_and_unknown_ones_refused() {
    assertThat(RequiredAction.parse(List.of("update-password", "CONFIGURE_TOTP", "terms_and_conditions", "UPDATE_PASSWORD")))
        .containsExactly(RequiredAction.UPDATE_PASSWORD, RequiredAction.CONFIGURE_TOTP, RequiredAction.TERMS_AND_CONDITIONS);
    assertThatThrownBy(() -> RequiredAction.parse(List.of("DANCE"))).hasMessageContaining("Unknown required action 'DANCE'");
    assertThatThrownBy(() -> RequiredAction.parse(null)).isInstanceOf(InvalidUserRequestException.class);
  }
}
