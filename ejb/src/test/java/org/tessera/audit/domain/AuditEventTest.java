package org.tessera.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.tessera.audit.domain.AuditEvent.Outcome;

class AuditEventTest {

  private static final OffsetDateTime NOON_IN_PARIS = OffsetDateTime.of(2026, 11, 25, 12, 0, 0, 0, ZoneOffset.ofHours(1));

  @Test
  void an_event_needs_an_actor_and_an_action() {
    assertThatThrownBy(() -> new AuditEvent(NOON_IN_PARIS, " ", "api.post", null, null, Outcome.SUCCESS, null))
        .hasMessageContaining("actor");
    assertThatThrownBy(() -> new AuditEvent(NOON_IN_PARIS, "alice", null, null, null, Outcome.SUCCESS, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("action");
  }

  @Test
  void time_is_kept_in_utc() {
    AuditEvent event = new AuditEvent(NOON_IN_PARIS, "alice", "api.post", null, null, Outcome.SUCCESS, null);
    assertThat(event.occurredAt()).isEqualTo(OffsetDateTime.of(2026, 11, 25, 11, 0, 0, 0, ZoneOffset.UTC));
  }

  @Test
  void overlong_free_text_is_cut_instead_of_failing_the_audited_action() {
    String longTarget = "x".repeat(5000);
    AuditEvent event = new AuditEvent(NOON_IN_PARIS, "alice", "api.post", longTarget, null, Outcome.FAILURE, "y".repeat(9000));
    assertThat(event.target()).hasSize(AuditEvent.TARGET_MAX).endsWith("…");
    assertThat(event.detail()).hasSize(AuditEvent.DETAIL_MAX);
    assertThat(event.outcome()).isEqualTo(Outcome.FAILURE);
  }
}
