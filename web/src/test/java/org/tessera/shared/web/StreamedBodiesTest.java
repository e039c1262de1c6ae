package org.tessera.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamedBodiesTest {

  @TempDir Path dir;

  private Path receive(byte[] body, long max) throws IOException {
    return StreamedBodies.receive(new ByteArrayInputStream(body), dir.resolve("uploads"), max,
        () -> new IllegalArgumentException("too large"), () -> new IllegalStateException("empty"));
  }

  @Test
  void a_body_within_the_limit_lands_in_a_file() throws IOException {
    Path file = receive(new byte[100], 100);
    assertThat(file).hasParent(dir.resolve("uploads")).hasSize(100);
  }

  @Test
  void an_oversized_or_empty_body_is_refused_and_leaves_no_file() throws IOException {
    assertThatThrownBy(() -> receive(new byte[101], 100)).hasMessage("too large");
    assertThatThrownBy(() -> receive(new byte[0], 100)).hasMessage("empty");
    try (var left = Files.list(dir.resolve("uploads"))) {
      assertThat(left).isEmpty();
    }
  }
}
