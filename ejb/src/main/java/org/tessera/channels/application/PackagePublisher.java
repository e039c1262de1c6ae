package org.tessera.channels.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.tessera.channels.domain.Channel;
import org.tessera.channels.domain.ChannelType;
import org.tessera.channels.domain.FileDigest;
import org.tessera.channels.domain.PackageFile;
import org.tessera.channels.domain.PackageFileExistsException;
import org.tessera.channels.domain.PackageMetadata;
import org.tessera.channels.infrastructure.ChannelFiles;
import org.tessera.channels.infrastructure.ChannelRows;

/**
 * The one way a checked file enters a channel, shared by uploads, mirrors and imports: its row is
 * added, the file moved into place atomically, and the index updated once the caller's transaction
 * commits (on rollback the moved file is deleted again, see {@link ChannelIndexer}). Runs in the
 * caller's transaction; checks no permissions, which is the caller's business.
 */
@ApplicationScoped
public class PackagePublisher {

  @Inject ChannelRows rows;
  @Inject Event<ChannelChanged> changed;

  /**
   * Publishes {@code staged}, whose metadata was read from inside it and whose digest was computed
   * from it. {@code record}, when not null, replaces the index record the metadata would give (a
   * mirrored or imported conda record, which may carry upstream's repodata patches); its size and
   * checksums are always the computed ones.
   *
   * @throws PackageFileExistsException when the channel has a file at that path already
   */
  public PackageFile publish(Channel channel, PackageMetadata metadata, Path staged, FileDigest digest, String uploader, String record) throws IOException {
    if (rows.file(channel.id(), metadata.subdir(), metadata.filename()).isPresent()) {
      throw new PackageFileExistsException(channel.name(), metadata.subdir() + "/" + metadata.filename());
    }
    OffsetDateTime now = OffsetDateTime.now();
    PackageMetadata indexed = record == null ? metadata : new RecordedMetadata(metadata, record);
    PackageFile row = new PackageFile(channel.id(), indexed, digest, uploader, now);
    rows.addFile(row);
    Path target = ChannelFiles.file(channel.name(), metadata.subdir(), metadata.filename());
    ChannelFiles.publish(staged, target);
    channel.touch(now);
    changed.fire(new ChannelChanged(channel.id(), channel.name(), channel.type() == ChannelType.CONDA, metadata.subdir(), Map.of(metadata.filename(), row.record()),
        List.of(target), List.of()));
    return row;
  }

  /** Removes files from a channel: rows now, index and disk after commit. */
  public void remove(Channel channel, List<PackageFile> files) {
    Map<String, List<PackageFile>> bySubdir = files.stream().collect(Collectors.groupingBy(PackageFile::subdir, LinkedHashMap::new, Collectors.toList()));
    files.forEach(rows::removeFile);
    channel.touch(OffsetDateTime.now());
    bySubdir.forEach((subdir, removed) -> changed.fire(new ChannelChanged(channel.id(), channel.name(), channel.type() == ChannelType.CONDA, subdir, Map.of(),
        List.of(), removed.stream().map(PackageFile::filename).toList())));
  }

  /** Metadata read from the file, with the index record from elsewhere (size and checksums filled in). */
  private record RecordedMetadata(PackageMetadata metadata, String record) implements PackageMetadata {
    @Override
    public String subdir() {
      return metadata.subdir();
    }

    @Override
    public String filename() {
      return metadata.filename();
    }

    @Override
    public String name() {
      return metadata.name();
    }

    @Override
    public String version() {
      return metadata.version();
    }

    @Override
    public String build() {
      return metadata.build();
    }

    @Override
    public String record(FileDigest digest) {
      jakarta.json.JsonObject given;
      try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(record))) {
        given = reader.readObject();
      }
      return org.tessera.channels.domain.CondaPackageMetadata.record(given, digest);
    }
  }
}
