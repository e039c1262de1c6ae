package org.tessera.projects.infrastructure;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.tessera.projects.domain.ArchiveRejectedException;

/**
 * Unpacks an uploaded project archive ({@code .tar.gz}, {@code .tgz}, {@code .tar.bz2}, {@code
 * .zip}) into a new directory, all or nothing.
 *
 * <p>Everything is written into a hidden sibling of the target first and moved into place only when
 * the whole archive was read; any refusal or failure deletes that directory, so a rejected upload
 * leaves no file behind. Refused: entry names that are absolute or climb out with {@code ..}, hard
 * links, devices and pipes, symbolic links whose target leaves the project, duplicate entries, more
 * than {@link Limits#maxEntries} entries, and more than {@link Limits#maxBytes} of content, counted
 * from the bytes actually written (a header claiming 10 GB in a small file is refused at the header).
 * Symbolic links are created after every file, so no file is ever written through one. When every
 * entry sits in one top-level directory (as {@code anaconda-project archive} makes them), that
 * directory is dropped.
 */
public final class ArchiveExtractor {

  /** How much an archive may hold. */
  public record Limits(long maxBytes, int maxEntries) {
    /** The seed's 1 GB upload limit and a generous entry count. */
    public static final Limits DEFAULT = new Limits(1L << 30, 100_000);
  }

  private final Limits limits;

  public ArchiveExtractor(Limits limits) {
    this.limits = limits;
  }

  /**
   * @param archive the uploaded file, already on disk
   * @param fileName the name the user gave it, which tells the format
   * @param target a directory that must not exist yet; it exists afterwards only on success
   * @return the number of files written
   * @throws ArchiveRejectedException when the archive is unsafe, too large or unreadable
   */
  public int extract(Path archive, String fileName, Path target) {
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new IllegalStateException(target + " already exists");
    }
    Path staging = target.resolveSibling("." + target.getFileName() + ".unpacking");
    deleteRecursively(staging);
    try {
      Files.createDirectories(staging);
      Unpacking unpacking = new Unpacking(staging);
      String name = fileName.toLowerCase(Locale.ROOT);
      if (name.endsWith(".zip")) {
        readZip(archive, unpacking);
      } else if (name.endsWith(".tar.gz") || name.endsWith(".tgz")) {
        try (InputStream in = new GzipCompressorInputStream(new BufferedInputStream(Files.newInputStream(archive)))) {
          readTar(in, unpacking);
        }
      } else if (name.endsWith(".tar.bz2") || name.endsWith(".tbz2")) {
        try (InputStream in = new BZip2CompressorInputStream(new BufferedInputStream(Files.newInputStream(archive)))) {
          readTar(in, unpacking);
        }
      } else {
        throw new ArchiveRejectedException("'" + fileName + "' is not a supported archive; upload a .tar.gz, .tar.bz2 or .zip file.");
      }
      unpacking.createLinks();
      Path root = unpacking.singleTopLevelDirectory().orElse(staging);
      Files.move(root, target, StandardCopyOption.ATOMIC_MOVE);
      deleteRecursively(staging);
      return unpacking.files;
    } catch (ArchiveRejectedException e) {
      deleteRecursively(staging);
      throw e;
    } catch (IOException | RuntimeException e) {
      deleteRecursively(staging);
      throw new ArchiveRejectedException("The archive could not be read (" + e.getMessage() + "); check that it is a complete .tar.gz, .tar.bz2 or .zip file.");
    }
  }

  private void readTar(InputStream in, Unpacking unpacking) throws IOException {
    try (TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
      for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
        if (entry.isDirectory()) {
          unpacking.directory(entry.getName());
        } else if (entry.isSymbolicLink()) {
          unpacking.symlink(entry.getName(), entry.getLinkName());
        } else if (entry.isLink()) {
          throw new ArchiveRejectedException("'" + entry.getName() + "' is a hard link; archives with hard links are not accepted.");
        } else if (entry.isFile()) {
          unpacking.file(entry.getName(), entry.getSize(), tar);
        } else {
          throw new ArchiveRejectedException("'" + entry.getName() + "' is a device, pipe or other special file; only files, directories and links are accepted.");
        }
      }
    }
  }

  private void readZip(Path archive, Unpacking unpacking) throws IOException {
    try (ZipFile zip = ZipFile.builder().setPath(archive).get()) {
      for (Enumeration<ZipArchiveEntry> entries = zip.getEntries(); entries.hasMoreElements(); ) {
        ZipArchiveEntry entry = entries.nextElement();
        if (entry.isDirectory()) {
          unpacking.directory(entry.getName());
        } else if (entry.isUnixSymlink()) {
          try (InputStream in = zip.getInputStream(entry)) {
            unpacking.symlink(entry.getName(), new String(in.readNBytes(4096), java.nio.charset.StandardCharsets.UTF_8));
          }
        } else {
          try (InputStream in = zip.getInputStream(entry)) {
            unpacking.file(entry.getName(), entry.getSize(), in);
          }
        }
      }
    }
  }

  /** The state of one extraction: what was written, and the links still to make. */
  private final class Unpacking {
    private final Path root;
    private final Set<String> seen = new HashSet<>();
    private final Map<Path, Path> links = new LinkedHashMap<>();
    private long bytes;
    private int entries;
    private int files;

    Unpacking(Path root) {
      this.root = root;
    }

    void directory(String name) throws IOException {
      Path dir = place(name);
      if (dir != null) {
        Files.createDirectories(dir);
      }
    }

    void file(String name, long declaredSize, InputStream content) throws IOException {
      Path file = place(name);
      if (file == null) {
        throw new ArchiveRejectedException("An entry has an empty name; the archive is damaged.");
      }
      if (declaredSize > limits.maxBytes() - bytes) {
        throw tooLarge();
      }
      Files.createDirectories(file.getParent());
      try (OutputStream out = Files.newOutputStream(file, java.nio.file.StandardOpenOption.CREATE_NEW)) {
        byte[] buffer = new byte[64 * 1024];
        for (int read; (read = content.read(buffer)) != -1; ) {
          bytes += read;
          if (bytes > limits.maxBytes()) {
            throw tooLarge();
          }
          out.write(buffer, 0, read);
        }
      } catch (FileAlreadyExistsException e) {
        throw duplicate(name);
      }
      files++;
    }

    void symlink(String name, String linkTarget) {
      Path link = place(name);
      if (link == null || linkTarget == null || linkTarget.isBlank()) {
        throw new ArchiveRejectedException("'" + name + "' is a link without a target; the archive is damaged.");
      }
      Path resolved = link.getParent().resolve(linkTarget).normalize();
      if (Path.of(linkTarget).isAbsolute() || !resolved.startsWith(root)) {
        throw new ArchiveRejectedException("'" + name + "' links to '" + linkTarget + "', outside the project; remove the link and upload again.");
      }
      links.put(link, Path.of(linkTarget));
    }

    void createLinks() throws IOException {
      for (Map.Entry<Path, Path> link : links.entrySet()) {
        Files.createDirectories(link.getKey().getParent());
        if (Files.exists(link.getKey(), LinkOption.NOFOLLOW_LINKS)) {
          throw duplicate(root.relativize(link.getKey()).toString());
        }
        Files.createSymbolicLink(link.getKey(), link.getValue());
      }
    }

    /** Where an entry goes under the root; null for the root itself. Refuses escapes and duplicates. */
    private Path place(String name) {
      if (++entries > limits.maxEntries()) {
        throw new ArchiveRejectedException("The archive has more than " + limits.maxEntries() + " entries; split the project or leave generated files out.");
      }
      String clean = name.replace('\\', '/');
      if (clean.startsWith("/") || clean.matches("^[A-Za-z]:.*")) {
        throw new ArchiveRejectedException("'" + name + "' is an absolute path; archives must hold paths relative to the project.");
      }
      Path path = root.resolve(clean).normalize();
      if (!path.startsWith(root)) {
        throw new ArchiveRejectedException("'" + name + "' points outside the project (..); remove it and upload again.");
      }
      if (path.equals(root)) {
        return null;
      }
      String key = root.relativize(path).toString();
      if (!name.endsWith("/") && !seen.add(key)) {
        throw duplicate(name);
      }
      return path;
    }

    private ArchiveRejectedException duplicate(String name) {
      return new ArchiveRejectedException("'" + name + "' appears twice in the archive; keep one copy.");
    }

    private ArchiveRejectedException tooLarge() {
      return new ArchiveRejectedException(
          "The archive unpacks to more than " + (limits.maxBytes() >= 1L << 30 ? limits.maxBytes() / (1L << 30) + " GB" : limits.maxBytes() + " bytes")
              + "; the limit for a project upload. Leave data files out and fetch them with downloads: in anaconda-project.yml.");
    }

    /** The one directory everything is in, if there is exactly one and nothing beside it. */
    java.util.Optional<Path> singleTopLevelDirectory() throws IOException {
      try (Stream<Path> top = Files.list(root)) {
        List<Path> children = new ArrayList<>(top.toList());
        if (children.size() == 1 && Files.isDirectory(children.get(0), LinkOption.NOFOLLOW_LINKS)) {
          return java.util.Optional.of(children.get(0));
        }
        return java.util.Optional.empty();
      }
    }
  }

  public static void deleteRecursively(Path dir) {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
