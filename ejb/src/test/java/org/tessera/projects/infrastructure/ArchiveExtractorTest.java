package org.tessera.projects.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.UnixStat;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.projects.domain.ArchiveRejectedException;

/** Real archives, built here entry by entry, including the malicious shapes uploads can take. */
class ArchiveExtractorTest {

  @TempDir Path work;
  Path uploads;
  Path projects;
  Path target;
  final ArchiveExtractor extractor = new ArchiveExtractor(new ArchiveExtractor.Limits(1 << 20, 1000));

  @BeforeEach
  void dirs() throws IOException {
    uploads = Files.createDirectories(work.resolve("uploads"));
    projects = Files.createDirectories(work.resolve("projects"));
    target = projects.resolve("alice-demo");
  }

  /** A tar being written, with helpers for the entry kinds. */
  static final class Tar implements AutoCloseable {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final TarArchiveOutputStream tar;

    Tar(boolean bzip2) throws IOException {
      OutputStream compressed = bzip2 ? new BZip2CompressorOutputStream(bytes) : new GzipCompressorOutputStream(bytes);
      tar = new TarArchiveOutputStream(compressed);
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    }

    Tar file(String name, String content) throws IOException {
      byte[] data = content.getBytes(StandardCharsets.UTF_8);
      // Keep names exactly as given: a malicious archive is not normalised by its maker.
      TarArchiveEntry entry = new TarArchiveEntry(name, true);
      entry.setSize(data.length);
      tar.putArchiveEntry(entry);
      tar.write(data);
      tar.closeArchiveEntry();
      return this;
    }

    Tar link(String name, String target, byte type) throws IOException {
      TarArchiveEntry entry = new TarArchiveEntry(name, type);
      entry.setLinkName(target);
      tar.putArchiveEntry(entry);
      tar.closeArchiveEntry();
      return this;
    }

    @Override
    public void close() throws IOException {
      tar.close();
    }
  }

  Path save(String name, byte[] bytes) throws IOException {
    return Files.write(uploads.resolve(name), bytes);
  }

  Path tarGz(String name, Tar tar) throws IOException {
    tar.close();
    return save(name, tar.bytes.toByteArray());
  }

  void assertRejectedLeavingNothing(Path archive, String fileName, String reason) throws IOException {
    assertThatThrownBy(() -> extractor.extract(archive, fileName, target)).isInstanceOf(ArchiveRejectedException.class).hasMessageContaining(reason);
    assertThat(target).doesNotExist();
    try (Stream<Path> left = Files.list(projects)) {
      assertThat(left).as("nothing half-written under projects/").isEmpty();
    }
    assertThat(work.resolve("evil.txt")).doesNotExist();
  }

  @Test
  void a_project_archive_unpacks_without_its_top_level_directory_and_keeps_inner_links() throws IOException {
    Tar tar = new Tar(false).file("demo/anaconda-project.yml", "name: demo\n").file("demo/src/app.py", "print(1)\n").link("demo/app.py", "src/app.py", TarConstants.LF_SYMLINK);

    int files = extractor.extract(tarGz("demo.tar.gz", tar), "demo.tar.gz", target);

    assertThat(files).isEqualTo(2);
    assertThat(target.resolve("anaconda-project.yml")).hasContent("name: demo");
    assertThat(Files.isSymbolicLink(target.resolve("app.py"))).isTrue();
    assertThat(target.resolve("app.py")).hasContent("print(1)");
  }

  @Test
  void tar_bz2_and_zip_are_accepted_too() throws IOException {
    Tar tar = new Tar(true).file("a.txt", "a");
    tar.close();
    extractor.extract(save("p.tar.bz2", tar.bytes.toByteArray()), "p.tar.bz2", target);
    assertThat(target.resolve("a.txt")).hasContent("a");

    ByteArrayOutputStream zipBytes = new ByteArrayOutputStream();
    try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(zipBytes)) {
      zip.putArchiveEntry(new ZipArchiveEntry("x/y.txt"));
      zip.write("y".getBytes(StandardCharsets.UTF_8));
      zip.closeArchiveEntry();
      zip.putArchiveEntry(new ZipArchiveEntry("z.txt"));
      zip.closeArchiveEntry();
    }
    Path other = projects.resolve("zipped");
    extractor.extract(save("p.zip", zipBytes.toByteArray()), "p.zip", other);
    assertThat(other.resolve("x/y.txt")).hasContent("y");
  }

  @Test
  void zip_slip_is_refused() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
      zip.putArchiveEntry(new ZipArchiveEntry("ok.txt"));
      zip.closeArchiveEntry();
      zip.putArchiveEntry(new ZipArchiveEntry("../../evil.txt"));
      zip.write("pwned".getBytes(StandardCharsets.UTF_8));
      zip.closeArchiveEntry();
    }
    assertRejectedLeavingNothing(save("slip.zip", bytes.toByteArray()), "slip.zip", "outside the project");
  }

  @Test
  void tar_slip_and_absolute_paths_are_refused() throws IOException {
    assertRejectedLeavingNothing(tarGz("slip.tar.gz", new Tar(false).file("ok.txt", "x").file("../evil.txt", "x")), "slip.tar.gz", "outside the project");
    assertRejectedLeavingNothing(tarGz("abs.tar.gz", new Tar(false).file("/tmp/evil.txt", "x")), "abs.tar.gz", "absolute path");
  }

  @Test
  void links_leaving_the_project_and_hard_links_are_refused() throws IOException {
    assertRejectedLeavingNothing(
        tarGz("up.tar.gz", new Tar(false).file("a.txt", "x").link("etc", "../../../etc", TarConstants.LF_SYMLINK)), "up.tar.gz", "outside the project");
    assertRejectedLeavingNothing(tarGz("abs-link.tar.gz", new Tar(false).link("passwd", "/etc/passwd", TarConstants.LF_SYMLINK)), "abs-link.tar.gz", "outside the project");
    assertRejectedLeavingNothing(tarGz("hard.tar.gz", new Tar(false).file("a.txt", "x").link("b.txt", "a.txt", TarConstants.LF_LINK)), "hard.tar.gz", "hard link");

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
      ZipArchiveEntry link = new ZipArchiveEntry("home");
      link.setUnixMode(UnixStat.LINK_FLAG | 0777);
      zip.putArchiveEntry(link);
      zip.write("../../../home".getBytes(StandardCharsets.UTF_8));
      zip.closeArchiveEntry();
    }
    assertRejectedLeavingNothing(save("link.zip", bytes.toByteArray()), "link.zip", "outside the project");
  }

  @Test
  void duplicate_entries_are_refused() throws IOException {
    assertRejectedLeavingNothing(tarGz("dup.tar.gz", new Tar(false).file("a.txt", "first").file("a.txt", "second")), "dup.tar.gz", "appears twice");
  }

  @Test
  void a_header_claiming_ten_gigabytes_is_refused_before_anything_is_written() throws IOException {
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    TarArchiveOutputStream tar = new TarArchiveOutputStream(raw);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    TarArchiveEntry sparse = new TarArchiveEntry("huge.bin");
    sparse.setSize(10L << 30);
    tar.putArchiveEntry(sparse);
    tar.write(new byte[1024]);
    tar.flush();
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (OutputStream out = new GzipCompressorOutputStream(gz)) {
      out.write(raw.toByteArray());
    }
    assertRejectedLeavingNothing(save("claim.tar.gz", gz.toByteArray()), "claim.tar.gz", "unpacks to more than");
  }

  @Test
  void content_beyond_the_limit_is_refused_while_counting_what_is_written() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
      for (int i = 0; i < 3; i++) {
        zip.putArchiveEntry(new ZipArchiveEntry("zeros-" + i));
        zip.write(new byte[600 * 1024]);
        zip.closeArchiveEntry();
      }
    }
    assertRejectedLeavingNothing(save("bomb.zip", bytes.toByteArray()), "bomb.zip", "unpacks to more than");
  }

  @Test
  void too_many_entries_unknown_formats_and_broken_files_are_refused() throws IOException {
    Tar many = new Tar(false);
    for (int i = 0; i <= 1000; i++) {
      many.file("f" + i, "");
    }
    assertRejectedLeavingNothing(tarGz("many.tar.gz", many), "many.tar.gz", "more than 1000 entries");
    assertRejectedLeavingNothing(save("p.rar", new byte[] {1, 2, 3}), "p.rar", "not a supported archive");
    assertRejectedLeavingNothing(save("broken.tar.gz", "not gzip at all".getBytes(StandardCharsets.UTF_8)), "broken.tar.gz", "could not be read");
  }

  @Test
  void the_target_must_not_exist() throws IOException {
    Files.createDirectories(target);
    Path archive = tarGz("a.tar.gz", new Tar(false).file("a.txt", "a"));

    assertThatThrownBy(() -> extractor.extract(archive, "a.tar.gz", target)).isInstanceOf(IllegalStateException.class);
    assertThat(Files.exists(target.resolve("a.txt"), LinkOption.NOFOLLOW_LINKS)).isFalse();
  }
}
