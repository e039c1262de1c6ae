package org.tessera.projects.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tessera.projects.domain.ArchiveRejectedException;
import org.tessera.projects.infrastructure.JGitProjectFiles;

/** Request bodies streamed to a temporary file, never held in memory, with the seed's 1 GB limit. */
public final class Uploads {

  static final long MAX_BYTES = 1L << 30;

  private Uploads() {}

  /** The body in a new file beside the repositories (same disk); the caller deletes it. */
  public static Path receive(InputStream body) throws IOException {
    Path dir = Files.createDirectories(JGitProjectFiles.root().resolveSibling("uploads"));
    Path file = Files.createTempFile(dir, "upload-", ".part");
    try (InputStream in = body; OutputStream out = Files.newOutputStream(file)) {
      byte[] buffer = new byte[64 * 1024];
      long total = 0;
      for (int n; (n = in.read(buffer)) > 0; ) {
        total += n;
        if (total > MAX_BYTES) {
          throw new ArchiveRejectedException("The upload is larger than the 1 GB limit; split the project or leave large data out of it.");
        }
        out.write(buffer, 0, n);
      }
      if (total == 0) {
        throw new ArchiveRejectedException("The upload is empty; send the archive as the request body.");
      }
      return file;
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
  }
}
