package org.tessera.projects.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The external git token is stored only encrypted, under a key the database never sees. */
class SecretCipherTest {

  @TempDir Path temp;

  @Test
  void aSecretComesBackButIsNotReadableInItsStoredForm() throws Exception {
    SecretCipher cipher = new SecretCipher(temp.resolve("keys/secrets.key"));

    String sealed = cipher.encrypt("glpat-secret-token");

    assertThat(sealed).startsWith("v1:").doesNotContain("secret");
    assertThat(cipher.encrypt("glpat-secret-token")).isNotEqualTo(sealed);
    assertThat(cipher.decrypt(sealed)).isEqualTo("glpat-secret-token");
    assertThat(new SecretCipher(temp.resolve("keys/secrets.key")).decrypt(sealed)).isEqualTo("glpat-secret-token");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(temp.resolve("keys/secrets.key")))).isEqualTo("rw-------");
  }

  @Test
  void anotherKeyCannotDecryptAndSaysToEnterTheTokenAgain() {
    String sealed = new SecretCipher(temp.resolve("a.key")).encrypt("token");

    assertThatThrownBy(() -> new SecretCipher(temp.resolve("b.key")).decrypt(sealed)).hasMessageContaining("enter the access token again");
  }
}
