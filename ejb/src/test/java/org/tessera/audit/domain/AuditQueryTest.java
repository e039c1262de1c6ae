package org.tessera.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class AuditQueryTest {

  @Test
  void a_page_size_outside_one_to_the_maximum_names_the_field() {
    assertThatThrownBy(() -> new AuditQuery(null, null, null, null, 0, 0))
        .isInstanceOfSatisfying(InvalidAuditQueryException.class, e -> assertThat(e.field()).isEqualTo("size"));
    assertThatThrownBy(() -> new AuditQuery(null, null, null, null, 0, AuditQuery.MAX_SIZE + 1))
        .hasMessageContaining("between 1 and 500");
  }

  @Test
  void a_negative_page_is_refused() {
    assertThatThrownBy(() -> new AuditQuery(null, null, null, null, -1, 10))
        .isInstanceOfSatisfying(InvalidAuditQueryException.class, e -> assertThat(e.field()).isEqualTo("page"));
  }

  @Test
  void a_reversed_time_range_is_refused_with_the_fix() {
    OffsetDateTime now = OffsetDateTime.now();
    assertThatThrownBy(() -> new AuditQuery(null, null, now, now.minusDays(1), 0, 10)).hasMessageContaining("swap");
  }

  @Test
  void blank_filters_mean_no_filter() {
    AuditQuery query = new AuditQuery("  ", "", null, null, 0, 10);
    assertThat(query.actor()).isNull();
    assertThat(query.action()).isNull();
  }
}
