package org.tessera.channels.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PypiIndexServletTest {

  /** Some other file's SHA-256. */
  static final String SHA256 = "f".repeat(64);

  @TempDir Path dir;

  @Test
  void digests_sent_with_an_upload_must_match_the_received_file() throws Exception {
    Path file = Files.write(dir.resolve("f.whl"), "wheel bytes".getBytes(StandardCharsets.UTF_8));
    var digest = org.tessera.channels.infrastructure.ChannelFiles.digest(file);

    assertThat(PypiIndexServlet.digestMismatch(file, null, null)).isNull();
    assertThat(PypiIndexServlet.digestMismatch(file, digest.sha256().toUpperCase(), digest.md5())).isNull();
    assertThat(PypiIndexServlet.digestMismatch(file, "", digest.md5())).isNull();
    assertThat(PypiIndexServlet.digestMismatch(file, SHA256, null)).startsWith("SHA-256 " + digest.sha256());
    assertThat(PypiIndexServlet.digestMismatch(file, digest.sha256(), "0".repeat(32))).startsWith("MD5 ");
  }
}
