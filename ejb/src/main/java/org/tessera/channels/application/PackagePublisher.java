package org.tessera.channels.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

  /** The index record's key for the SHA-256 of a wheel's {@code .metadata} file. */
  public static final String CORE_METADATA_SHA256 = "core_metadata_sha256";

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
    Optional<byte[]> coreMetadata = metadata.coreMetadata();
    String indexRecord = coreMetadata.isEmpty() ? record : withCoreMetadata(record == null ? metadata.record(digest) : record, coreMetadata.get());
    PackageMetadata indexed = indexRecord == null ? metadata : new RecordedMetadata(metadata, indexRecord);
    PackageFile row = new PackageFile(channel.id(), indexed, digest, uploader, now);
    rows.addFile(row);
    Path target = ChannelFiles.file(channel.name(), metadata.subdir(), metadata.filename());
    Path sidecar = coreMetadata.isPresent() ? ChannelFiles.coreMetadata(target) : null;
    if (sidecar != null) {
      ChannelFiles.writeAtomically(sidecar, out -> out.write(coreMetadata.get()));
    }
    try {
      ChannelFiles.publish(staged, target);
    } catch (IOException | RuntimeException e) {
      if (sidecar != null) {
        Files.deleteIfExists(sidecar);
      }
      throw e;
    }
    changed.fire(new ChannelChanged(channel.id(), channel.name(), channel.type() == ChannelType.CONDA, metadata.subdir(), Map.of(metadata.filename(), row.record()),
        sidecar == null ? List.of(target) : List.of(target, sidecar), List.of()));
    channel.touch(now);
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

  /** {@code record} with the SHA-256 of the wheel's core metadata, which the simple index announces (PEP 658, PEP 714). */
  private static String withCoreMetadata(String record, byte[] coreMetadata) {
    try {
      String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(coreMetadata));
      return jakarta.json.Json.createObjectBuilder(json(record)).add(CORE_METADATA_SHA256, sha256).build().toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("The JVM has no SHA-256", e);
    }
  }

  private static jakarta.json.JsonObject json(String record) {
    try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(record))) {
      return reader.readObject();
    }
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
      return org.tessera.channels.domain.CondaPackageMetadata.record(json(record), digest);
    }

    @Override
    public Optional<byte[]> coreMetadata() {
      return metadata.coreMetadata();
    }
  }
}
