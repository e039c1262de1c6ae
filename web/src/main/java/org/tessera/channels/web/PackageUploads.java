package org.tessera.channels.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.tessera.channels.domain.PackageRejectedException;
import org.tessera.channels.infrastructure.ChannelFiles;
import org.tessera.shared.web.StreamedBodies;

/** Package uploads streamed to the channels' staging directory, never held in memory, with the seed's 1 GB limit. */
public final class PackageUploads {

  public static final long MAX_BYTES = 1L << 30;

  private PackageUploads() {}

  /** The body in a new staging file; the channel service consumes it. */
  public static Path receive(InputStream body) throws IOException {
    return StreamedBodies.receive(body, ChannelFiles.staging(), MAX_BYTES,
        () -> new PackageRejectedException("The file is larger than the 1 GB limit for package uploads; split the package or leave large data out of it."),
        () -> new PackageRejectedException("The file is empty; send the package file itself."));
  }
}
