package org.tessera.channels.infrastructure;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;
import org.tessera.channels.domain.CondaPackageMetadata;
import org.tessera.channels.domain.PackageRejectedException;

/**
 * Reads conda packages in both formats: {@code .tar.bz2} (one bzip2 tarball) and {@code .conda}
 * (a zip holding {@code info-*.tar.zst} and {@code pkg-*.tar.zst}). Every entry is checked, so a
 * package that would write outside its prefix when installed is refused.
 */
public final class CondaArchives {

  private static final long MAX_INDEX_JSON = 1 << 20;

  private CondaArchives() {}

  public static CondaPackageMetadata read(Path file, String filename) {
    if (!CondaPackageMetadata.isCondaFilename(filename)) {
      throw new PackageRejectedException(filename + " is not a conda package; conda channels take NAME-VERSION-BUILD.tar.bz2 and .conda files.");
    }
    try {
      JsonObject index = filename.endsWith(".conda") ? readConda(file) : readTarBz2(file);
      return CondaPackageMetadata.of(filename, index);
    } catch (IOException | RuntimeException e) {
      if (e instanceof PackageRejectedException rejected) {
        throw rejected;
      }
      throw new PackageRejectedException(filename + " is not a readable conda package (" + describe(e) + "); rebuild it, or check that the upload was not cut short.");
    }
  }

  private static JsonObject readTarBz2(Path file) throws IOException {
    try (InputStream in = new BZip2CompressorInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      JsonObject index = scanTar(in, "the package");
      if (index == null) {
        throw new PackageRejectedException("The package has no info/index.json; it was not built by conda-build or rattler-build.");
      }
      return index;
    }
  }

  private static JsonObject readConda(Path file) throws IOException {
    JsonObject index = null;
    boolean hasPkg = false;
    try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
      for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
        String name = entry.getName();
        if (name.contains("/") || name.contains("\\") || name.startsWith(".")) {
          throw new PackageRejectedException("The .conda file holds '" + name + "'; a .conda package holds only metadata.json and its info and pkg tarballs.");
        }
        if (name.startsWith("info-") && name.endsWith(".tar.zst")) {
          try (InputStream in = new ZstdCompressorInputStream(new BufferedInputStream(zip.getInputStream(entry)))) {
            index = scanTar(in, name);
          }
        } else if (name.startsWith("pkg-") && name.endsWith(".tar.zst")) {
          hasPkg = true;
          try (InputStream in = new ZstdCompressorInputStream(new BufferedInputStream(zip.getInputStream(entry)))) {
            scanTar(in, name);
          }
        }
      }
    }
    if (index == null || !hasPkg) {
      throw new PackageRejectedException("The .conda file lacks its info-*.tar.zst with info/index.json or its pkg-*.tar.zst; rebuild it.");
    }
    return index;
  }

  /** Checks each entry's path and link target; returns info/index.json when the tarball has it. */
  private static JsonObject scanTar(InputStream compressed, String where) throws IOException {
    JsonObject index = null;
    try (TarArchiveInputStream tar = new TarArchiveInputStream(compressed)) {
      for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
        String name = entry.getName();
        checkPath(name, where);
        if (entry.isSymbolicLink() || entry.isLink()) {
          checkLink(name, entry.getLinkName(), entry.isLink(), where);
        }
        if (name.equals("info/index.json") || name.equals("./info/index.json")) {
          if (entry.getSize() > MAX_INDEX_JSON) {
            throw new PackageRejectedException("info/index.json is larger than 1 MB; that is not a conda package.");
          }
          index = parse(tar.readAllBytes());
        }
      }
    }
    return index;
  }

  private static JsonObject parse(byte[] json) {
    try (JsonReader reader = Json.createReader(new ByteArrayInputStream(json))) {
      return reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw new PackageRejectedException("info/index.json is not a JSON object (" + describe(e) + ").");
    }
  }

  static void checkPath(String name, String where) {
    String normalized = name.replace('\\', '/');
    if (normalized.startsWith("/") || normalized.matches("^[A-Za-z]:.*") || escapes(normalized)) {
      throw new PackageRejectedException("The entry '" + name + "' in " + where + " points outside the install prefix; such a package is refused.");
    }
  }

  private static void checkLink(String name, String target, boolean hardLink, String where) {
    String normalized = target.replace('\\', '/');
    String base = hardLink ? "" : (name.contains("/") ? name.substring(0, name.lastIndexOf('/') + 1) : "");
    if (normalized.startsWith("/") || escapes(base + normalized)) {
      throw new PackageRejectedException("The link '" + name + "' in " + where + " points to '" + target + "', outside the install prefix; such a package is refused.");
    }
  }

  private static boolean escapes(String relative) {
    int depth = 0;
    for (String part : relative.split("/")) {
      if (part.equals("..")) {
        if (--depth < 0) {
          return true;
        }
      } else if (!part.isEmpty() && !part.equals(".")) {
        depth++;
      }
    }
    return false;
  }

  private static String describe(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
