package org.tessera.identity.domain;

import java.util.Optional;

/** The last sync result of each directory, so that the admin sees it later (repository). */
public interface DirectorySyncLog {

  void record(DirectorySyncResult result);

  Optional<DirectorySyncResult> last(String directoryId);

  void forget(String directoryId);
}
