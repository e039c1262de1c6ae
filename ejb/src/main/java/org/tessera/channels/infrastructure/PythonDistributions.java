package org.tessera.channels.infrastructure;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.tessera.channels.domain.PackageRejectedException;
import org.tessera.channels.domain.PythonDistributionMetadata;

/**
 * Reads the core metadata of wheels ({@code *.dist-info/METADATA}) and sdists
 * ({@code NAME-VERSION/PKG-INFO}), checking every entry's path on the way.
 */
public final class PythonDistributions {

  private static final long MAX_METADATA = 4L << 20;

  private PythonDistributions() {}

  public static PythonDistributionMetadata read(Path file, String filename) {
    if (!PythonDistributionMetadata.isDistributionFilename(filename)) {
      throw new PackageRejectedException(filename + " is not a Python distribution; PyPI channels take wheels (.whl) and sdists (.tar.gz, .zip).");
    }
    try {
      byte[] metadata = filename.endsWith(".tar.gz") ? fromTarGz(file) : fromZip(file, filename.endsWith(".whl"));
      if (metadata == null) {
        throw new PackageRejectedException(filename + " has no " + (filename.endsWith(".whl") ? "*.dist-info/METADATA" : "PKG-INFO") + "; build it with pip wheel or python -m build.");
      }
      PythonDistributionMetadata read = parse(filename, lines(metadata));
      return filename.endsWith(".whl") ? read.withWheelMetadata(metadata) : read;
    } catch (IOException | RuntimeException e) {
      if (e instanceof PackageRejectedException rejected) {
        throw rejected;
      }
      throw new PackageRejectedException(filename + " is not a readable archive (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
          + "); rebuild it, or check that the upload was not cut short.");
    }
  }

  private static byte[] fromZip(Path file, boolean wheel) throws IOException {
    byte[] metadata = null;
    try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
      for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
        CondaArchives.checkPath(entry.getName(), "the archive");
        if (entry.isUnixSymlink()) {
          throw new PackageRejectedException("The archive holds the symbolic link '" + entry.getName() + "'; Python distributions have none.");
        }
        String[] parts = entry.getName().split("/");
        boolean isMetadata = wheel
            ? parts.length == 2 && parts[0].endsWith(".dist-info") && parts[1].equals("METADATA")
            : parts.length == 2 && parts[1].equals("PKG-INFO");
        if (isMetadata && metadata == null) {
          metadata = bounded(zip.getInputStream(entry), entry.getSize());
        }
      }
    }
    return metadata;
  }

  private static byte[] fromTarGz(Path file) throws IOException {
    byte[] metadata = null;
    try (TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(new BufferedInputStream(Files.newInputStream(file))))) {
      for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
        CondaArchives.checkPath(entry.getName(), "the archive");
        if (entry.isSymbolicLink() || entry.isLink()) {
          throw new PackageRejectedException("The archive holds the link '" + entry.getName() + "'; sdists with links are refused.");
        }
        String[] parts = entry.getName().split("/");
        if (metadata == null && parts.length == 2 && parts[1].equals("PKG-INFO")) {
          metadata = bounded(tar, entry.getSize());
        }
      }
    }
    return metadata;
  }

  private static byte[] bounded(InputStream in, long size) throws IOException {
    byte[] bytes = in.readNBytes((int) MAX_METADATA + 1);
    if (size > MAX_METADATA || bytes.length > MAX_METADATA) {
      throw new PackageRejectedException("The metadata file is larger than 4 MB; that is not a Python distribution.");
    }
    return bytes;
  }

  private static List<String> lines(byte[] bytes) throws IOException {
    List<String> lines = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(new java.io.ByteArrayInputStream(bytes), StandardCharsets.UTF_8))) {
      for (String line; (line = reader.readLine()) != null; ) {
        lines.add(line);
      }
    }
    return lines;
  }

  /** The RFC 822 style header block of core metadata; the body (the description) is skipped. */
  static PythonDistributionMetadata parse(String filename, List<String> lines) {
    String name = null;
    String version = null;
    String requiresPython = null;
    String summary = null;
    List<String> requires = new ArrayList<>();
    for (String line : lines) {
      if (line.isEmpty()) {
        break;
      }
      int colon = line.indexOf(':');
      if (colon <= 0 || Character.isWhitespace(line.charAt(0))) {
        continue;
      }
      String key = line.substring(0, colon).strip();
      String value = line.substring(colon + 1).strip();
      switch (key.toLowerCase(java.util.Locale.ROOT)) {
        case "name" -> name = value;
        case "version" -> version = value;
        case "requires-python" -> requiresPython = value;
        case "requires-dist" -> requires.add(value);
        case "summary" -> summary = value;
        default -> {}
      }
    }
    return PythonDistributionMetadata.of(filename, name, version, requiresPython, requires, summary);
  }
}
