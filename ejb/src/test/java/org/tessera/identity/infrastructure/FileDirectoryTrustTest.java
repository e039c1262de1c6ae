package org.tessera.identity.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.identity.domain.DirectorySettingsTest;

class FileDirectoryTrustTest {

  @TempDir Path home;

  @Test
  void a_ca_lands_as_one_pem_file_per_directory_for_keycloaks_truststore_paths() throws Exception {
    Path folder = home.resolve("truststore");
    FileDirectoryTrust trust = new FileDirectoryTrust(folder);

    trust.trust("6VLKqZmnShuH13okeXRZTw", "  " + DirectorySettingsTest.CA_PEM);
    trust.trust("6VLKqZmnShuH13okeXRZTw", DirectorySettingsTest.CA_PEM);

    assertThat(Files.list(folder).map(p -> p.getFileName().toString())).containsExactly("directory-6VLKqZmnShuH13okeXRZTw.pem");
    assertThat(Files.readString(folder.resolve("directory-6VLKqZmnShuH13okeXRZTw.pem"))).startsWith("-----BEGIN CERTIFICATE-----").endsWith("-----END CERTIFICATE-----\n");

    trust.forget("6VLKqZmnShuH13okeXRZTw");
    assertThat(Files.list(folder)).isEmpty();
  }

  @Test
  void ids_that_are_not_keycloak_ids_never_become_file_names() {
    assertThatThrownBy(() -> new FileDirectoryTrust(home).trust("../../etc/x", DirectorySettingsTest.CA_PEM)).isInstanceOf(IllegalArgumentException.class);
  }
}
