package org.tessera.channels.infrastructure;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.tessera.channels.domain.FileDigest;

/**
 * Where channels keep their files: {@code data/channels/{channel}/{subdir}/{filename}} under the
 * launcher's {@code tessera.home}, or WildFly's data directory without the launcher. Everything
 * is written beside its destination and moved into place, so readers never see half a file.
 */
public final class ChannelFiles {

  private ChannelFiles() {}

  public static Path root() {
    String home = System.getProperty("tessera.home");
    if (home != null && !home.isBlank()) {
      return Path.of(home, "data", "channels");
    }
    return Path.of(System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir")), "tessera", "channels");
  }

  /** Received uploads and mirror downloads wait here, on the same disk as the channels. */
  public static Path staging() throws IOException {
    return Files.createDirectories(root().resolveSibling("channel-staging"));
  }

  public static Path channel(String channel) {
    return root().resolve(channel);
  }

  public static Path file(String channel, String subdir, String filename) {
    Path dir = channel(channel).resolve(subdir).normalize();
    Path file = dir.resolve(filename).normalize();
    if (!file.getParent().equals(dir) || !dir.getParent().equals(channel(channel).normalize())) {
      throw new IllegalArgumentException("Not a path inside the channel: " + subdir + "/" + filename);
    }
    return file;
  }

  /** Size, SHA-256 and MD5 of a file, in one pass. */
  /** The PEP 658 core metadata file served beside a wheel: its path plus {@code .metadata}. */
  public static Path coreMetadata(Path file) {
    return file.resolveSibling(file.getFileName() + ".metadata");
  }

  public static FileDigest digest(Path file) throws IOException {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      long size = 0;
      try (InputStream in = new DigestInputStream(new DigestInputStream(Files.newInputStream(file), sha256), md5)) {
        byte[] buffer = new byte[128 * 1024];
        for (int n; (n = in.read(buffer)) > 0; ) {
          size += n;
        }
      }
      return new FileDigest(size, HexFormat.of().formatHex(sha256.digest()), HexFormat.of().formatHex(md5.digest()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Moves a finished file into place, replacing nothing: the caller checked the path is free. */
  public static void publish(Path staged, Path target) throws IOException {
    Files.createDirectories(target.getParent());
    Path beside = Files.createTempFile(target.getParent(), ".incoming-", ".part");
    try {
      Files.move(staged, beside, StandardCopyOption.REPLACE_EXISTING);
      moveAtomically(beside, target);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(beside);
      throw e;
    }
  }

  /** Writes a file's new content beside it and swaps it in at once. */
  public static void writeAtomically(Path target, IoWriter content) throws IOException {
    Files.createDirectories(target.getParent());
    Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + "-", ".part");
    try {
      try (OutputStream out = Files.newOutputStream(temp)) {
        content.write(out);
      }
      moveAtomically(temp, target);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
  }

  private static void moveAtomically(Path source, Path target) throws IOException {
    try {
      Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  public static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes content to a stream. */
  @FunctionalInterface
  public interface IoWriter {
    void write(OutputStream out) throws IOException;
  }
}
