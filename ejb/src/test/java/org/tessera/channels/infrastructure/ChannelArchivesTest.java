package org.tessera.channels.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.channels.domain.ChannelArchiveRejectedException;
import org.tessera.channels.domain.ChannelManifest;
import org.tessera.channels.domain.ChannelType;

class ChannelArchivesTest {

  @TempDir Path dir;

  private static final byte[] A = "package a".getBytes(StandardCharsets.UTF_8);
  private static final byte[] B = "package b, longer".getBytes(StandardCharsets.UTF_8);

  private static ChannelManifest.Entry entry(String subdir, String filename, byte[] content) throws Exception {
    java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
    java.security.MessageDigest md5 = java.security.MessageDigest.getInstance("MD5");
    return new ChannelManifest.Entry(subdir, filename, content.length, java.util.HexFormat.of().formatHex(sha.digest(content)),
        java.util.HexFormat.of().formatHex(md5.digest(content)), "{\"name\":\"" + filename.split("-")[0] + "\",\"depends\":[]}");
  }

  private ChannelManifest manifest() throws Exception {
    return new ChannelManifest("main", ChannelType.CONDA, Instant.parse("2026-01-02T03:04:05Z"),
        List.of(entry("noarch", "a-1.0-0.conda", A), entry("linux-64", "b-2.0-h0_0.tar.bz2", B)));
  }

  private Path exported() throws Exception {
    Path files = Files.createDirectories(dir.resolve("disk"));
    Files.write(files.resolve("a"), A);
    Files.write(files.resolve("b"), B);
    Path archive = dir.resolve("main.tar");
    try (OutputStream out = Files.newOutputStream(archive)) {
      ChannelArchives.write(manifest(), e -> files.resolve(e.filename().startsWith("a") ? "a" : "b"), out);
    }
    return archive;
  }

  /** A hand-made archive: the manifest, then whatever {@code entries} adds. */
  private Path handMade(byte[] manifest, Consumer<TarArchiveOutputStream> entries) throws IOException {
    Path archive = dir.resolve("hand.tar");
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(Files.newOutputStream(archive))) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      if (manifest != null) {
        add(tar, ChannelManifest.MANIFEST, manifest);
      }
      entries.accept(tar);
    }
    return archive;
  }

  private static void add(TarArchiveOutputStream tar, String name, byte[] content) {
    try {
      TarArchiveEntry e = new TarArchiveEntry(name);
      e.setSize(content.length);
      tar.putArchiveEntry(e);
      tar.write(content);
      tar.closeArchiveEntry();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void link(TarArchiveOutputStream tar, String name, String target, byte type) {
    try {
      TarArchiveEntry e = new TarArchiveEntry(name, type);
      e.setLinkName(target);
      tar.putArchiveEntry(e);
      tar.closeArchiveEntry();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private Path staging() throws IOException {
    return Files.createDirectories(dir.resolve("staging"));
  }

  @Test
  void anExportedArchiveUnpacksWithItsManifest() throws Exception {
    Path archive = exported();
    assertThat(new String(Files.readAllBytes(archive), 0, 13, StandardCharsets.US_ASCII)).isEqualTo("manifest.json");
    ChannelManifest read = ChannelArchives.unpack(archive, staging());
    assertThat(read.channel()).isEqualTo("main");
    assertThat(read.type()).isEqualTo(ChannelType.CONDA);
    assertThat(read.files()).extracting(ChannelManifest.Entry::path).containsExactly("noarch/a-1.0-0.conda", "linux-64/b-2.0-h0_0.tar.bz2");
    assertThat(read.files().get(0).record()).contains("\"name\":\"a\"");
    assertThat(Files.readAllBytes(dir.resolve("staging/linux-64/b-2.0-h0_0.tar.bz2"))).isEqualTo(B);
  }

  @Test
  void aGzippedArchiveIsReadToo() throws Exception {
    Path gz = dir.resolve("main.tar.gz");
    try (OutputStream out = new GzipCompressorOutputStream(Files.newOutputStream(gz))) {
      Files.copy(exported(), out);
    }
    assertThat(ChannelArchives.unpack(gz, staging()).files()).hasSize(2);
  }

  @Test
  void aTamperedFileIsRefused() throws Exception {
    byte[] tampered = A.clone();
    tampered[0] = 'P';
    Path archive = handMade(manifest().render(), tar -> {
      add(tar, "files/noarch/a-1.0-0.conda", tampered);
      add(tar, "files/linux-64/b-2.0-h0_0.tar.bz2", B);
    });
    assertThatThrownBy(() -> ChannelArchives.unpack(archive, staging())).isInstanceOf(ChannelArchiveRejectedException.class)
        .hasMessageContaining("noarch/a-1.0-0.conda has the SHA-256").hasMessageContaining("nothing was imported");
  }

  @Test
  void aFileOfAnotherSizeIsRefused() throws Exception {
    Path archive = handMade(manifest().render(), tar -> add(tar, "files/noarch/a-1.0-0.conda", "short".getBytes(StandardCharsets.UTF_8)));
    assertThatThrownBy(() -> ChannelArchives.unpack(archive, staging())).isInstanceOf(ChannelArchiveRejectedException.class).hasMessageContaining("bytes, but the manifest says");
  }

  @Test
  void anEntryTheManifestDoesNotListIsRefused() throws Exception {
    Path archive = handMade(manifest().render(), tar -> {
      add(tar, "files/noarch/a-1.0-0.conda", A);
      add(tar, "files/linux-64/b-2.0-h0_0.tar.bz2", B);
      add(tar, "files/noarch/extra-1.0-0.conda", A);
    });
    assertThatThrownBy(() -> ChannelArchives.unpack(archive, staging())).isInstanceOf(ChannelArchiveRejectedException.class).hasMessageContaining("does not list");
  }

  @Test
  void aRepeatedEntryAndAMissingFileAreRefused() throws Exception {
    Path repeated = handMade(manifest().render(), tar -> {
      add(tar, "files/noarch/a-1.0-0.conda", A);
      add(tar, "files/noarch/a-1.0-0.conda", A);
    });
    assertThatThrownBy(() -> ChannelArchives.unpack(repeated, staging())).hasMessageContaining("twice");
    Path missing = handMade(manifest().render(), tar -> add(tar, "files/noarch/a-1.0-0.conda", A));
    assertThatThrownBy(() -> ChannelArchives.unpack(missing, staging())).hasMessageContaining("does not hold it");
  }

  @Test
  void pathTraversalInEntriesIsRefusedAndNothingIsWrittenOutside() throws Exception {
    Path archive = handMade(manifest().render(), tar -> add(tar, "files/../../escape.conda", A));
    assertThatThrownBy(() -> ChannelArchives.unpack(archive, staging())).isInstanceOf(ChannelArchiveRejectedException.class);
    assertThat(dir.resolve("escape.conda")).doesNotExist();
    assertThat(dir.getParent().resolve("escape.conda")).doesNotExist();
  }

  @Test
  void pathTraversalInTheManifestIsRefused() throws Exception {
    String bad = new String(manifest().render(), StandardCharsets.UTF_8).replace("noarch/a-1.0-0.conda", "../a-1.0-0.conda");
    Path archive = handMade(bad.getBytes(StandardCharsets.UTF_8), tar -> {});
    assertThatThrownBy(() -> ChannelArchives.unpack(archive, staging())).hasMessageContaining("../a-1.0-0.conda");
    String wrongSubdir = new String(manifest().render(), StandardCharsets.UTF_8).replace("noarch/a-1.0-0.conda", "etc/a-1.0-0.conda");
    assertThatThrownBy(() -> ChannelArchives.unpack(handMade(wrongSubdir.getBytes(StandardCharsets.UTF_8), tar -> {}), staging())).hasMessageContaining("cannot hold");
  }

  @Test
  void linksAreRefused() throws Exception {
    Path symlink = handMade(manifest().render(), tar -> link(tar, "files/noarch/a-1.0-0.conda", "/etc/passwd", TarArchiveEntry.LF_SYMLINK));
    assertThatThrownBy(() -> ChannelArchives.unpack(symlink, staging())).hasMessageContaining("link");
    Path hardlink = handMade(manifest().render(), tar -> link(tar, "files/noarch/a-1.0-0.conda", "manifest.json", TarArchiveEntry.LF_LINK));
    assertThatThrownBy(() -> ChannelArchives.unpack(hardlink, staging())).hasMessageContaining("link");
  }

  @Test
  void anArchiveWithoutItsManifestFirstOrNotATarIsRefused() throws Exception {
    Path noManifest = handMade(null, tar -> add(tar, "files/noarch/a-1.0-0.conda", A));
    assertThatThrownBy(() -> ChannelArchives.unpack(noManifest, staging())).hasMessageContaining("first entry is not manifest.json");
    Path garbage = Files.write(dir.resolve("garbage.tar"), new byte[2048]);
    assertThatThrownBy(() -> ChannelArchives.unpack(garbage, staging())).isInstanceOf(ChannelArchiveRejectedException.class);
    Path json = Files.writeString(dir.resolve("body.tar"), "{}");
    assertThatThrownBy(() -> ChannelArchives.unpack(json, staging())).isInstanceOf(ChannelArchiveRejectedException.class);
    Path truncated = dir.resolve("cut.tar");
    Files.write(truncated, java.util.Arrays.copyOf(Files.readAllBytes(exported()), 700));
    assertThatThrownBy(() -> ChannelArchives.unpack(truncated, staging())).isInstanceOf(ChannelArchiveRejectedException.class);
    Path badJson = handMade("{\"format\":\"other\"}".getBytes(StandardCharsets.UTF_8), tar -> {});
    assertThatThrownBy(() -> ChannelArchives.unpack(badJson, staging())).hasMessageContaining("tessera-channel-archive");
  }
}
