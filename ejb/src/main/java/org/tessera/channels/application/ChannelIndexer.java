package org.tessera.channels.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tessera.channels.infrastructure.ChannelFiles;
import org.tessera.channels.infrastructure.CondaIndexFiles;

/**
 * Brings the files on disk and the conda indexes in step with committed rows: an index never
 * lists a file whose row was rolled back, and a removed file disappears from the index before it
 * disappears from disk.
 */
@ApplicationScoped
public class ChannelIndexer {

  private static final Logger LOG = Logger.getLogger(ChannelIndexer.class.getName());

  @Inject CondaIndexFiles indexes;
  @jakarta.ejb.EJB ChannelIndexRows committedRows;

  void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChannelChanged change) {
    if (change.conda()) {
      indexes.update(change.channel(), change.subdir(), () -> committedRows.filesIn(change.channelId(), change.subdir()), change.added(), change.removed());
    }
    for (String filename : change.removed()) {
      Path file = ChannelFiles.file(change.channel(), change.subdir(), filename);
      delete(file);
      if (!change.conda()) {
        delete(ChannelFiles.coreMetadata(file));
      }
    }
  }

  void deleted(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChannelDeleted deleted) {
    indexes.forget(deleted.channel());
    try {
      ChannelFiles.deleteTree(ChannelFiles.channel(deleted.channel()));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not delete the files of deleted channel " + deleted.channel() + "; remove them by hand", e);
    }
  }

  void rolledBack(@Observes(during = TransactionPhase.AFTER_FAILURE) ChannelChanged change) {
    change.published().forEach(ChannelIndexer::delete);
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Could not delete " + file + "; it is no longer listed and can be removed by hand", e);
    }
  }
}
