package org.tessera.channels.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream;
import org.tessera.channels.domain.PackageFile;
import org.tessera.channels.domain.Repodata;

/**
 * Keeps each conda subdirectory's {@code repodata.json} and {@code repodata.json.zst} on disk in
 * step with the rows. No {@code .json.bz2}: current conda, mamba and rattler ask for the zstd form
 * first and fall back to the JSON, and bzip2 in Java took three quarters of each write
 * (bench/repodata-build.sh). The records stay in memory after the first build, so one upload
 * re-renders the index without reading the other records again; each file is swapped in whole.
 */
@ApplicationScoped
public class CondaIndexFiles {

  public static final String REPODATA = "repodata.json";
  private static final int ZSTD_LEVEL = 6;

  private final Map<String, Repodata> cache = new ConcurrentHashMap<>();

  /**
   * Applies a committed change to a subdirectory and writes its index files. The first change
   * after a start loads the subdirectory's committed records through {@code committedFiles}
   * (which already include this change: adding and removing are idempotent).
   */
  public void update(String channel, String subdir, Supplier<List<PackageFile>> committedFiles, Map<String, String> added, List<String> removed) {
    Repodata repodata = cache.computeIfAbsent(key(channel, subdir), k -> load(subdir, committedFiles.get()));
    synchronized (repodata) {
      removed.forEach(repodata::remove);
      added.forEach(repodata::put);
      write(channel, repodata);
    }
  }

  /** Builds a subdirectory's index from all its rows, as after a restart or an import. */
  public Repodata rebuild(String channel, String subdir, List<PackageFile> files) {
    Repodata repodata = load(subdir, files);
    cache.put(key(channel, subdir), repodata);
    synchronized (repodata) {
      write(channel, repodata);
    }
    return repodata;
  }

  /** Rebuilds every subdirectory of a channel from all its rows. */
  public void rebuild(String channel, List<PackageFile> allFiles) {
    allFiles.stream().collect(java.util.stream.Collectors.groupingBy(PackageFile::subdir)).forEach((subdir, files) -> rebuild(channel, subdir, files));
  }

  public void forget(String channel) {
    cache.keySet().removeIf(k -> k.startsWith(channel + "/"));
  }

  private static Repodata load(String subdir, List<PackageFile> files) {
    Repodata repodata = new Repodata(subdir);
    files.forEach(f -> repodata.put(f.filename(), f.record()));
    return repodata;
  }

  /** Writes both forms; the plain JSON last, since clients that get it first need no other. */
  public static void write(String channel, Repodata repodata) {
    byte[] json = repodata.render();
    Path dir = ChannelFiles.channel(channel).resolve(repodata.subdir());
    try {
      ChannelFiles.writeAtomically(dir.resolve(REPODATA + ".zst"), out -> compressed(new ZstdCompressorOutputStream(out, ZSTD_LEVEL), json));
      ChannelFiles.writeAtomically(dir.resolve(REPODATA), out -> out.write(json));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the index of " + channel + "/" + repodata.subdir(), e);
    }
  }

  private static void compressed(OutputStream compressor, byte[] json) throws IOException {
    try (compressor) {
      compressor.write(json);
    }
  }

  private static String key(String channel, String subdir) {
    return channel + "/" + subdir;
  }
}
