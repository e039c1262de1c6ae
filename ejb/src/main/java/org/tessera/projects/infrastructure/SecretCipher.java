package org.tessera.projects.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets that Tessera must use again later (the external git access token) with AES-GCM
 * under a 256-bit key generated on first use into a file of the data directory (owner-only). The
 * database then holds only {@code v1:base64(iv|ciphertext)}: a dump or a read-only database user
 * does not reveal the token, while the key and the database stay on different storage in a
 * PostgreSQL installation. Losing the key file means entering the token again.
 */
public final class SecretCipher {

  private static final String PREFIX = "v1:";
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path keyFile;

  public SecretCipher(Path keyFile) {
    this.keyFile = keyFile;
  }

  /** The installation's cipher: its key beside the git repositories. */
  public static SecretCipher forDataDirectory() {
    return new SecretCipher(JGitProjectFiles.root().resolveSibling("keys").resolve("secrets.key"));
  }

  public String encrypt(String plain) {
    try {
      byte[] iv = new byte[IV_BYTES];
      RANDOM.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, iv));
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[iv.length + sealed.length];
      System.arraycopy(iv, 0, out, 0, iv.length);
      System.arraycopy(sealed, 0, out, iv.length, sealed.length);
      return PREFIX + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot encrypt with AES-GCM: " + e.getMessage(), e);
    }
  }

  /**
   * @throws IllegalStateException when the key file changed since the secret was stored; the
   *     message says to enter the secret again
   */
  public String decrypt(String sealed) {
    if (sealed == null || !sealed.startsWith(PREFIX)) {
      throw new IllegalStateException("The stored secret is not in a known format; enter it again.");
    }
    try {
      byte[] in = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
      return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("The stored secret cannot be decrypted with " + keyFile
          + " (was the key file replaced?); enter the access token again on Admin → External git.", e);
    }
  }

  private SecretKeySpec key() {
    try {
      if (!Files.exists(keyFile)) {
        create();
      }
      byte[] key = Base64.getDecoder().decode(Files.readString(keyFile, StandardCharsets.US_ASCII).strip());
      return new SecretKeySpec(key, "AES");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the key file " + keyFile + "; check its permissions.", e);
    }
  }

  private void create() throws IOException {
    Files.createDirectories(keyFile.getParent());
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    Path temp = Files.createTempFile(keyFile.getParent(), "key", ".tmp");
    try {
      try {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // Not a POSIX file system: the directory's own protection has to do.
      }
      Files.writeString(temp, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
      // Two servers starting at once: the first key wins and the other one is dropped.
      Files.move(temp, keyFile);
    } catch (FileAlreadyExistsException e) {
      Files.deleteIfExists(temp);
    }
  }
}
