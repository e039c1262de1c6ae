package org.tessera.channels.application;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.tessera.channels.domain.ChannelManifest;
import org.tessera.identity.domain.UserProfile;

/** Air-gapped transfer: a channel exported to one archive, and such an archive imported after it is checked. */
public interface ChannelTransferService {

  /** What an export writes: the manifest, and each entry's file on disk. */
  record Export(ChannelManifest manifest, Map<String, Path> files) {}

  /** What an import did: the channel, whether it was created, the paths published and those skipped as already there. */
  record ImportReport(String channel, String type, boolean created, List<String> published, List<String> skipped) {}

  /** The files of a channel the caller can read, for {@code ChannelArchives.write}. */
  Export export(UserProfile caller, @NotNull String channel);

  /**
   * The files a mirror run selected (published, or found already there) as they are now in its
   * destination channel: an air-gap archive of exactly what the mirror brought. The run's owner or
   * an admin; the run should have finished.
   */
  Export exportMirror(@NotNull UserProfile caller, @NotNull String runId);

  /**
   * Receives an archive (after checking the caller may upload, so nothing large is stored for
   * someone who may not), then imports it as {@link #importArchive(UserProfile, Path, String)}.
   * The stream is read to its end or to the limit ({@code ChannelArchives.maxImportBytes()}).
   */
  ImportReport importArchive(@NotNull UserProfile caller, @NotNull java.io.InputStream body, String channel);

  /**
   * Checks a received archive completely (every file's size and SHA-256 against the manifest,
   * every path, every package's own metadata) and only then publishes its files into the channel
   * it names, or into {@code channel} when given, creating it if missing. Files the channel
   * already has are skipped. The received file is consumed either way.
   */
  ImportReport importArchive(@NotNull UserProfile caller, @NotNull Path received, String channel);
}
