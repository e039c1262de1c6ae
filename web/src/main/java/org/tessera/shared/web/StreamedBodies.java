package org.tessera.shared.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Request bodies streamed to a temporary file, never held in memory, and cut off at a limit: the
 * one way uploads (project archives, package files) reach the disk. A body that is too large or
 * empty leaves no file behind.
 */
public final class StreamedBodies {

  private StreamedBodies() {}

  /**
   * The body in a new file in {@code dir} (the data disk, so that moving it into place is cheap);
   * the caller deletes or moves it.
   */
  public static Path receive(InputStream body, Path dir, long maxBytes, Supplier<RuntimeException> tooLarge, Supplier<RuntimeException> empty)
      throws IOException {
    Path file = Files.createTempFile(Files.createDirectories(dir), "upload-", ".part");
    try (InputStream in = body; OutputStream out = Files.newOutputStream(file)) {
      byte[] buffer = new byte[64 * 1024];
      long total = 0;
      for (int n; (n = in.read(buffer)) > 0; ) {
        total += n;
        if (total > maxBytes) {
          throw tooLarge.get();
        }
        out.write(buffer, 0, n);
      }
      if (total == 0) {
        throw empty.get();
      }
      return file;
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
  }
}
