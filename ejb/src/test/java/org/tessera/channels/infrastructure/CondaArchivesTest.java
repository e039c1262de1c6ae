package org.tessera.channels.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.channels.domain.CondaPackageMetadata;
import org.tessera.channels.domain.FileDigest;
import org.tessera.channels.domain.PackageRejectedException;

class CondaArchivesTest {

  private static final String INDEX = "{\"name\":\"tiny\",\"version\":\"1.0\",\"build\":\"py_0\",\"build_number\":0,\"subdir\":\"noarch\",\"depends\":[\"python\"]}";

  @TempDir Path dir;

  @Test
  void reads_index_json_from_a_tar_bz2_package() throws IOException {
    Path file = tarBz2("tiny-1.0-py_0.tar.bz2", Map.of("info/index.json", INDEX, "site-packages/tiny.py", "x = 1\n"));
    CondaPackageMetadata metadata = CondaArchives.read(file, "tiny-1.0-py_0.tar.bz2");
    assertThat(metadata.subdir()).isEqualTo("noarch");
    assertThat(metadata.record(new FileDigest(10, "ab", "cd"))).contains("\"depends\":[\"python\"]").contains("\"sha256\":\"ab\"").contains("\"size\":10");
  }

  @Test
  void reads_index_json_from_a_conda_package() throws IOException {
    Path file = dir.resolve("tiny-1.0-py_0.conda");
    try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(Files.newOutputStream(file))) {
      add(zip, "metadata.json", "{\"conda_pkg_format_version\": 2}".getBytes(StandardCharsets.UTF_8));
      add(zip, "info-tiny-1.0-py_0.tar.zst", zstdTar(Map.of("info/index.json", INDEX)));
      add(zip, "pkg-tiny-1.0-py_0.tar.zst", zstdTar(Map.of("site-packages/tiny.py", "x = 1\n")));
    }
    assertThat(CondaArchives.read(file, "tiny-1.0-py_0.conda").name()).isEqualTo("tiny");
  }

  @Test
  void refuses_a_name_that_disagrees_with_index_json() throws IOException {
    Path file = tarBz2("other-1.0-py_0.tar.bz2", Map.of("info/index.json", INDEX));
    assertThatThrownBy(() -> CondaArchives.read(file, "other-1.0-py_0.tar.bz2")).isInstanceOf(PackageRejectedException.class)
        .hasMessageContaining("describes tiny-1.0-py_0");
  }

  @Test
  void refuses_paths_and_links_outside_the_prefix() throws IOException {
    Path traversal = tarBz2("tiny-1.0-py_0.tar.bz2", Map.of("info/index.json", INDEX, "../../etc/cron.d/evil", "x"));
    assertThatThrownBy(() -> CondaArchives.read(traversal, "tiny-1.0-py_0.tar.bz2")).hasMessageContaining("outside the install prefix");

    Path link = dir.resolve("link.tar.bz2");
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new BZip2CompressorOutputStream(Files.newOutputStream(link)))) {
      put(tar, "info/index.json", INDEX);
      TarArchiveEntry entry = new TarArchiveEntry("lib/evil", TarArchiveEntry.LF_SYMLINK);
      entry.setLinkName("../../../root/.ssh/authorized_keys");
      tar.putArchiveEntry(entry);
      tar.closeArchiveEntry();
    }
    assertThatThrownBy(() -> CondaArchives.read(link, "tiny-1.0-py_0.tar.bz2")).hasMessageContaining("outside the install prefix");
  }

  @Test
  void refuses_corrupt_files_missing_metadata_and_unknown_platforms() throws IOException {
    Path corrupt = Files.writeString(dir.resolve("tiny-1.0-py_0.tar.bz2"), "not a bzip2 stream");
    assertThatThrownBy(() -> CondaArchives.read(corrupt, "tiny-1.0-py_0.tar.bz2")).isInstanceOf(PackageRejectedException.class)
        .hasMessageContaining("not a readable conda package");
    Path bare = tarBz2("bare.tar.bz2", Map.of("lib/x.so", "x"));
    assertThatThrownBy(() -> CondaArchives.read(bare, "tiny-1.0-py_0.tar.bz2")).hasMessageContaining("no info/index.json");
    Path mars = tarBz2("mars.tar.bz2", Map.of("info/index.json", INDEX.replace("noarch", "mars-64")));
    assertThatThrownBy(() -> CondaArchives.read(mars, "tiny-1.0-py_0.tar.bz2")).hasMessageContaining("mars-64");
    assertThatThrownBy(() -> CondaArchives.read(bare, "tiny.whl")).hasMessageContaining("not a conda package");
  }

  private Path tarBz2(String name, Map<String, String> entries) throws IOException {
    Path file = dir.resolve(name);
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new BZip2CompressorOutputStream(Files.newOutputStream(file)))) {
      for (Map.Entry<String, String> e : entries.entrySet()) {
        put(tar, e.getKey(), e.getValue());
      }
    }
    return file;
  }

  private static byte[] zstdTar(Map<String, String> entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new ZstdCompressorOutputStream(bytes))) {
      for (Map.Entry<String, String> e : entries.entrySet()) {
        put(tar, e.getKey(), e.getValue());
      }
    }
    return bytes.toByteArray();
  }

  private static void put(TarArchiveOutputStream tar, String name, String content) throws IOException {
    byte[] data = content.getBytes(StandardCharsets.UTF_8);
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setSize(data.length);
    tar.putArchiveEntry(entry);
    tar.write(data);
    tar.closeArchiveEntry();
  }

  private static void add(ZipArchiveOutputStream zip, String name, byte[] data) throws IOException {
    zip.putArchiveEntry(new ZipArchiveEntry(name));
    zip.write(data);
    zip.closeArchiveEntry();
  }

}
