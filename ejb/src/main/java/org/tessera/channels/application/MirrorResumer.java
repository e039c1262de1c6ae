package org.tessera.channels.application;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.tessera.channels.domain.MirrorRun;
import org.tessera.channels.infrastructure.ChannelFiles;
import org.tessera.channels.infrastructure.MirrorRows;

/**
 * At startup, resumes the mirror runs a stop interrupted (queued or running): their half-written
 * downloads are deleted, and files they already published are skipped because their rows exist.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
public class MirrorResumer {

  private static final Logger LOG = Logger.getLogger(MirrorResumer.class.getName());

  @Inject MirrorRows runs;
  @EJB MirrorWorker worker;

  @PostConstruct
  void resume() {
    try {
      clearDownloads();
      List<MirrorRun> unfinished = runs.unfinished();
      for (MirrorRun run : unfinished) {
        LOG.info("Resuming mirror run " + run.id() + " into channel " + run.destChannel());
        worker.run(run.id());
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not resume unfinished mirror runs; start them again", e);
    }
  }

  private static void clearDownloads() {
    try (Stream<Path> files = Files.list(ChannelFiles.staging())) {
      for (Path file : files.filter(f -> f.getFileName().toString().startsWith("mirror-")).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Could not clear unfinished mirror downloads in " + ChannelFiles.root().resolveSibling("channel-staging"), e);
    }
  }
}
