package org.tessera.projects.rest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.tessera.projects.domain.ArchiveRejectedException;
import org.tessera.projects.infrastructure.JGitProjectFiles;
import org.tessera.shared.web.StreamedBodies;

/** Project archives streamed to a temporary file, never held in memory, with the seed's 1 GB limit. */
public final class Uploads {

  static final long MAX_BYTES = 1L << 30;

  private Uploads() {}

  /** The body in a new file beside the repositories (same disk); the caller deletes it. */
  public static Path receive(InputStream body) throws IOException {
    return StreamedBodies.receive(body, JGitProjectFiles.root().resolveSibling("uploads"), MAX_BYTES,
        () -> new ArchiveRejectedException("The upload is larger than the 1 GB limit; split the project or leave large data out of it."),
        () -> new ArchiveRejectedException("The upload is empty; send the archive as the request body."));
  }
}
