package org.tessera.channels.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.tessera.channels.domain.Channel;
import org.tessera.channels.domain.ChannelNotFoundException;
import org.tessera.channels.domain.ChannelType;
import org.tessera.channels.domain.FileDigest;
import org.tessera.channels.domain.MirrorLogLine;
import org.tessera.channels.domain.MirrorResult;
import org.tessera.channels.domain.MirrorRun;
import org.tessera.channels.domain.MirrorStatus;
import org.tessera.channels.domain.PackageFile;
import org.tessera.channels.domain.PackageMetadata;
import org.tessera.channels.domain.PackageRejectedException;
import org.tessera.channels.infrastructure.ChannelRows;
import org.tessera.channels.infrastructure.CondaArchives;
import org.tessera.channels.infrastructure.MirrorRows;
import org.tessera.channels.infrastructure.PythonDistributions;

/**
 * The transactions of a mirror run, each its own ({@code REQUIRES_NEW}): one per published or
 * removed file, so a failure loses one file's work and never half-publishes it, and progress and
 * log lines are visible while the run goes on. Called only by {@link MirrorWorker}.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class MirrorSteps {

  /** What a run needs to (re)start. */
  public record Start(String id, String kind, String config, boolean clean, String destChannel, String owner, boolean resumed) {}

  /** A file the destination holds, for cleaning. */
  public record Local(String subdir, String filename, String record) {}

  @Inject MirrorRows runs;
  @Inject ChannelRows channels;
  @Inject PackagePublisher publisher;

  /** Marks the run running; empty when it finished or was cancelled meanwhile. */
  public Optional<Start> begin(String id) {
    Optional<MirrorRun> found = runs.locked(id);
    if (found.isEmpty() || found.get().status().finished()) {
      return Optional.empty();
    }
    MirrorRun run = found.get();
    OffsetDateTime now = OffsetDateTime.now();
    if (run.cancelRequested()) {
      run.finish(MirrorStatus.CANCELLED, "Cancelled before it started.", now);
      return Optional.empty();
    }
    boolean resumed = run.status() == MirrorStatus.RUNNING;
    run.start(now);
    log(run, resumed ? "Resumed after a restart; files already in channel " + run.destChannel() + " are skipped." : "Started " + run.kind().label()
        + " mirror into channel " + run.destChannel() + (run.clean() ? " (clean: files removed upstream are removed here too)" : "") + ".");
    return Optional.of(new Start(run.id(), run.kind().label(), run.config(), run.clean(), run.destChannel(), run.owner(), resumed));
  }

  public void log(String id, String line) {
    runs.locked(id).ifPresent(run -> log(run, line));
  }

  public void selected(String id, int total, String line) {
    runs.locked(id).ifPresent(run -> {
      run.selected(total);
      log(run, line);
    });
  }

  public boolean cancelRequested(String id) {
    return runs.byId(id).map(MirrorRun::cancelRequested).orElse(true);
  }

  public boolean exists(String channel, String subdir, String filename) {
    return channels.byName(channel).flatMap(c -> channels.file(c.id(), subdir, filename)).isPresent();
  }

  public void skipped(String id, String name, String path, String message) {
    runs.locked(id).ifPresent(run -> {
      run.skippedFile();
      result(run, name, path, MirrorResult.Outcome.SKIPPED, message);
    });
  }

  /**
   * Checks a downloaded file as an upload is checked (metadata from inside it, in the right
   * subdirectory) and publishes it with the upstream record; consumes {@code staged} on success.
   */
  public void publish(String id, String channelName, String owner, String subdir, String filename, Path staged, FileDigest digest, String record) {
    MirrorRun run = runs.locked(id).orElseThrow();
    Channel channel = channels.byName(channelName)
        .orElseThrow(() -> new ChannelNotFoundException("Channel " + channelName + " was deleted while the mirror ran; start the mirror again to recreate it."));
    if (channels.file(channel.id(), subdir, filename).isPresent()) {
      // Another run (or an upload) published it meanwhile.
      run.skippedFile();
      result(run, filename, subdir + "/" + filename, MirrorResult.Outcome.SKIPPED, "already in channel " + channelName);
      return;
    }
    PackageMetadata metadata = channel.type() == ChannelType.CONDA ? CondaArchives.read(staged, filename) : PythonDistributions.read(staged, filename);
    if (!metadata.subdir().equals(subdir)) {
      throw new PackageRejectedException(filename + " says it belongs in " + metadata.subdir() + ", but upstream lists it under " + subdir + "; it was not published.");
    }
    try {
      publisher.publish(channel, metadata, staged, digest, owner, channel.type() == ChannelType.CONDA ? record : null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    run.published();
    result(run, metadata.name(), subdir + "/" + filename, MirrorResult.Outcome.PUBLISHED, digest.size() + " bytes, sha256 " + digest.sha256());
    log(run, "Published " + subdir + "/" + filename + " (" + digest.size() + " bytes).");
  }

  public void failed(String id, String name, String path, String message) {
    runs.locked(id).ifPresent(run -> {
      run.failedFile();
      result(run, name, path, MirrorResult.Outcome.FAILED, message);
      log(run, "FAILED " + path + ": " + message);
    });
  }

  public List<Local> localFiles(String channelName) {
    return channels.byName(channelName).map(c -> channels.files(c.id()).stream().map(f -> new Local(f.subdir(), f.filename(), f.record())).toList()).orElse(List.of());
  }

  public void remove(String id, String channelName, String name, String subdir, String filename) {
    MirrorRun run = runs.locked(id).orElseThrow();
    Channel channel = channels.byName(channelName).orElseThrow();
    Optional<PackageFile> file = channels.file(channel.id(), subdir, filename);
    if (file.isEmpty()) {
      return;
    }
    publisher.remove(channel, List.of(file.get()));
    run.removedFile();
    result(run, name, subdir + "/" + filename, MirrorResult.Outcome.REMOVED, "removed upstream");
    log(run, "Removed " + subdir + "/" + filename + ": upstream no longer has it.");
  }

  public void finish(String id, MirrorStatus status, String message) {
    runs.locked(id).ifPresent(run -> {
      if (!run.status().finished()) {
        log(run, "Finished: " + status.label() + ". " + message);
        run.finish(status, message, OffsetDateTime.now());
      }
    });
  }

  private void result(MirrorRun run, String name, String path, MirrorResult.Outcome outcome, String message) {
    OffsetDateTime now = OffsetDateTime.now();
    runs.result(run.id(), path).ifPresentOrElse(r -> r.update(outcome, message, now), () -> runs.addResult(new MirrorResult(run.id(), name, path, outcome, message, now)));
  }

  private void log(MirrorRun run, String line) {
    runs.log(new MirrorLogLine(run.id(), run.nextLogLine(), line, OffsetDateTime.now()));
  }
}
