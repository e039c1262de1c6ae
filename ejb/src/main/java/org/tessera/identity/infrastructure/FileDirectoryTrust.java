package org.tessera.identity.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.tessera.identity.domain.DirectoryProviderUnavailableException;
import org.tessera.identity.domain.DirectoryTrust;

/**
 * CA certificates as {@code $TESSERA_HOME/truststore/directory-<id>.pem}; the launcher starts
 * Keycloak with {@code --truststore-paths} on that folder when it holds PEM files. Certificates
 * are public, so the files need no protection beyond the data directory's.
 */
@ApplicationScoped
public class FileDirectoryTrust implements DirectoryTrust {

  private final Path folder;

  public FileDirectoryTrust() {
    this(Optional.ofNullable(System.getProperty("tessera.home")).or(() -> Optional.ofNullable(System.getenv("TESSERA_HOME"))).map(h -> Path.of(h, "truststore")).orElse(null));
  }

  FileDirectoryTrust(Path folder) {
    this.folder = folder;
  }

  @Override
  public void trust(String directoryId, String caCertificatePem) {
    if (folder == null) {
      throw new DirectoryProviderUnavailableException("Tessera has no data directory to keep the CA in: start it with ./tessera up (which sets tessera.home), or put the PEM into Keycloak's truststore by hand.");
    }
    try {
      Files.createDirectories(folder);
      Path temporary = Files.createTempFile(folder, ".directory-", ".tmp");
      Files.writeString(temporary, caCertificatePem.strip() + "\n", StandardCharsets.US_ASCII);
      // Moved into place in one step, so that Keycloak never starts with half a certificate.
      Files.move(temporary, file(directoryId), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new DirectoryProviderUnavailableException("Cannot write the CA certificate into " + folder + " (" + e.getMessage() + "); check the folder's permissions and retry.");
    }
  }

  @Override
  public void forget(String directoryId) {
    if (folder != null) {
      try {
        Files.deleteIfExists(file(directoryId));
      } catch (IOException e) {
        throw new DirectoryProviderUnavailableException("Cannot remove " + file(directoryId) + " (" + e.getMessage() + "); delete it by hand.");
      }
    }
  }

  private Path file(String directoryId) {
    // Keycloak's ids are UUID-like; anything else never reaches a file name.
    if (!directoryId.matches("[A-Za-z0-9_-]{1,64}")) {
      throw new IllegalArgumentException("Not a directory id: " + directoryId);
    }
    return folder.resolve("directory-" + directoryId + ".pem");
  }
}
