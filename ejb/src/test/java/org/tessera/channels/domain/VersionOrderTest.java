package org.tessera.channels.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class VersionOrderTest {

  @Test
  void orders_numbers_numerically_and_pre_releases_before_releases() {
    List<String> sorted = Stream.of("1.10", "1.9", "2.0", "2.0rc1", "2.0.1", "1.9.post1", "0.1").sorted(VersionOrder.INSTANCE).toList();
    assertThat(sorted).containsExactly("0.1", "1.9", "1.9.post1", "1.10", "2.0rc1", "2.0", "2.0.1");
  }
}
