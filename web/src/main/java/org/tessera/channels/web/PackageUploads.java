package org.tessera.channels.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tessera.channels.domain.PackageRejectedException;
import org.tessera.channels.infrastructure.ChannelFiles;

/** Package uploads streamed to the channels' staging directory, never held in memory, with the seed's 1 GB limit. */
public final class PackageUploads {

  public static final long MAX_BYTES = 1L << 30;

  private PackageUploads() {}

  /** The body in a new staging file; the channel service consumes it. */
  public static Path receive(InputStream body) throws IOException {
    Path file = Files.createTempFile(ChannelFiles.staging(), "upload-", ".part");
    try (InputStream in = body; OutputStream out = Files.newOutputStream(file)) {
      byte[] buffer = new byte[64 * 1024];
      long total = 0;
      for (int n; (n = in.read(buffer)) > 0; ) {
        total += n;
        if (total > MAX_BYTES) {
          throw new PackageRejectedException("The file is larger than the 1 GB limit for package uploads; split the package or leave large data out of it.");
        }
        out.write(buffer, 0, n);
      }
      if (total == 0) {
        throw new PackageRejectedException("The file is empty; send the package file itself.");
      }
      return file;
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
  }
}
