package org.tessera.channels.infrastructure;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.tessera.channels.domain.ChannelManifest;

/**
 * Channel archives for air-gapped transfer: one tar (optionally gzipped on the way) with
 * {@code manifest.json} first, then {@code files/SUBDIR/FILENAME} for each file of the manifest.
 * Reading checks every entry before anything is published: links, directories outside
 * {@code files/}, paths not in the manifest, repeated entries, and files whose size or SHA-256
 * differ from the manifest are refused, and so is a manifest entry without its file.
 */
public final class ChannelArchives {

  private static final long MAX_MANIFEST = 64L << 20;

  private ChannelArchives() {}

  /** The largest archive an import accepts, in bytes ({@code -Dtessera.channels.import-max-bytes}, default 16 GiB). */
  public static long maxImportBytes() {
    return Long.getLong("tessera.channels.import-max-bytes", 16L << 30);
  }

  /** Writes the archive; {@code fileOf} gives each entry's file on disk. The stream is not closed. */
  public static void write(ChannelManifest manifest, Function<ChannelManifest.Entry, Path> fileOf, OutputStream out) throws IOException {
    TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    byte[] json = manifest.render();
    TarArchiveEntry head = new TarArchiveEntry(ChannelManifest.MANIFEST);
    head.setSize(json.length);
    head.setModTime(wholeSeconds(manifest.exportedAt().toEpochMilli()));
    tar.putArchiveEntry(head);
    tar.write(json);
    tar.closeArchiveEntry();
    for (ChannelManifest.Entry entry : manifest.files()) {
      Path file = fileOf.apply(entry);
      TarArchiveEntry e = new TarArchiveEntry(entry.archiveName());
      e.setSize(entry.size());
      e.setModTime(wholeSeconds(Files.getLastModifiedTime(file).toMillis()));
      tar.putArchiveEntry(e);
      try (InputStream in = Files.newInputStream(file)) {
        long copied = in.transferTo(tar);
        if (copied != entry.size()) {
          throw new IOException(entry.path() + " changed while it was exported (" + copied + " bytes, " + entry.size() + " expected)");
        }
      }
      tar.closeArchiveEntry();
    }
    tar.finish();
    out.flush();
  }

  /** Whole seconds, so that plain ustar headers suffice (sub-second times would add PAX headers). */
  private static java.nio.file.attribute.FileTime wholeSeconds(long millis) {
    return java.nio.file.attribute.FileTime.fromMillis(millis / 1000 * 1000);
  }

  /**
   * Reads an archive into {@code staging} ({@code staging/SUBDIR/FILENAME}), checking it against
   * its manifest; returns the manifest once every file is there and matches.
   *
   * @throws org.tessera.channels.domain.ChannelArchiveRejectedException for anything that does not fit
   */
  public static ChannelManifest unpack(Path archive, Path staging) throws IOException {
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive))) {
      raw.mark(2);
      boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
      raw.reset();
      try (TarArchiveInputStream tar = new TarArchiveInputStream(gzip ? new GzipCompressorInputStream(raw) : raw)) {
        return unpack(tar, staging);
      }
    } catch (IOException e) {
      throw ChannelManifest.refusal("it could not be read as a tar archive (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
    }
  }

  private static ChannelManifest unpack(TarArchiveInputStream tar, Path staging) throws IOException {
    TarArchiveEntry first = tar.getNextEntry();
    if (first == null || !first.getName().equals(ChannelManifest.MANIFEST) || !first.isFile()) {
      throw ChannelManifest.refusal("its first entry is not manifest.json");
    }
    if (first.getSize() > MAX_MANIFEST) {
      throw ChannelManifest.refusal("its manifest.json is larger than 64 MB");
    }
    ChannelManifest manifest = ChannelManifest.parse(tar.readAllBytes());
    Map<String, ChannelManifest.Entry> expected = new HashMap<>();
    manifest.files().forEach(e -> expected.put(e.archiveName(), e));
    Set<String> seen = new HashSet<>();
    for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
      String name = entry.getName();
      if (entry.isSymbolicLink() || entry.isLink()) {
        throw ChannelManifest.refusal("it holds the link '" + name + "'");
      }
      if (entry.isDirectory()) {
        String dir = name.endsWith("/") ? name : name + "/";
        if (dir.equals(ChannelManifest.FILES) || (dir.startsWith(ChannelManifest.FILES) && dir.substring(ChannelManifest.FILES.length()).matches("[A-Za-z0-9][A-Za-z0-9._-]*/"))) {
          continue;
        }
        throw ChannelManifest.refusal("it holds the directory '" + name + "', which is not part of a channel archive");
      }
      if (!entry.isFile()) {
        throw ChannelManifest.refusal("it holds '" + name + "', which is not a regular file");
      }
      ChannelManifest.Entry file = expected.get(name);
      if (file == null) {
        throw ChannelManifest.refusal("it holds '" + name + "', which its manifest does not list");
      }
      if (!seen.add(name)) {
        throw ChannelManifest.refusal("it holds '" + name + "' twice");
      }
      if (entry.getSize() != file.size()) {
        throw ChannelManifest.refusal(file.path() + " has " + entry.getSize() + " bytes, but the manifest says " + file.size());
      }
      Path target = staging.resolve(file.subdir()).resolve(file.filename()).normalize();
      if (!target.startsWith(staging.normalize())) {
        throw ChannelManifest.refusal("'" + name + "' points outside the archive");
      }
      Files.createDirectories(target.getParent());
      MessageDigest sha256 = sha256();
      try (OutputStream out = Files.newOutputStream(target)) {
        new DigestInputStream(tar, sha256).transferTo(out);
      }
      String actual = java.util.HexFormat.of().formatHex(sha256.digest());
      if (!actual.equals(file.sha256())) {
        throw ChannelManifest.refusal(file.path() + " has the SHA-256 " + actual + ", not the manifest's " + file.sha256() + " (it was changed or damaged)");
      }
    }
    for (String name : expected.keySet()) {
      if (!seen.contains(name)) {
        throw ChannelManifest.refusal("the manifest lists " + expected.get(name).path() + " but the archive does not hold it (it was cut short?)");
      }
    }
    return manifest;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
