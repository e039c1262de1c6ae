package org.tessera.channels.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.UnixStat;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.channels.domain.FileDigest;
import org.tessera.channels.domain.PackageRejectedException;
import org.tessera.channels.domain.PythonDistributionMetadata;

class PythonDistributionsTest {

  static final String METADATA = """
      Metadata-Version: 2.1
      Name: My.Lib
      Version: 1.2.0
      Summary: A library
      Requires-Python: >=3.8,<4
      Requires-Dist: numpy>=1.20
      Requires-Dist: pandas; extra == "df"
      Description-Content-Type: text/markdown

      Name: not-this
      Version: 9.9
      """;

  @TempDir Path dir;

  Path zip(String filename, Map<String, String> entries) throws IOException {
    Path file = dir.resolve(filename);
    try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(Files.newOutputStream(file))) {
      for (Map.Entry<String, String> e : entries.entrySet()) {
        zip.putArchiveEntry(new ZipArchiveEntry(e.getKey()));
        zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeArchiveEntry();
      }
    }
    return file;
  }

  Path wheel(String filename, String metadata) throws IOException {
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put("my_lib/__init__.py", "");
    entries.put("my_lib-1.2.0.dist-info/METADATA", metadata);
    entries.put("my_lib-1.2.0.dist-info/WHEEL", "Wheel-Version: 1.0\n");
    return zip(filename, entries);
  }

  Path sdist(String filename, String root, String metadata, String linkName) throws IOException {
    Path file = dir.resolve(filename);
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(Files.newOutputStream(file)))) {
      byte[] bytes = metadata.getBytes(StandardCharsets.UTF_8);
      TarArchiveEntry info = new TarArchiveEntry(root + "/PKG-INFO");
      info.setSize(bytes.length);
      tar.putArchiveEntry(info);
      tar.write(bytes);
      tar.closeArchiveEntry();
      if (linkName != null) {
        TarArchiveEntry link = new TarArchiveEntry(root + "/" + linkName, TarArchiveEntry.LF_SYMLINK);
        link.setLinkName("/etc/passwd");
        tar.putArchiveEntry(link);
        tar.closeArchiveEntry();
      }
    }
    return file;
  }

  @Test
  void a_wheels_metadata_is_read_from_its_dist_info_and_the_description_is_skipped() throws IOException {
    PythonDistributionMetadata metadata = PythonDistributions.read(wheel("my_lib-1.2.0-py3-none-any.whl", METADATA), "my_lib-1.2.0-py3-none-any.whl");

    assertThat(metadata.name()).isEqualTo("My.Lib");
    assertThat(metadata.version()).isEqualTo("1.2.0");
    assertThat(metadata.subdir()).isEqualTo("my-lib");
    assertThat(metadata.requiresPython()).isEqualTo(">=3.8,<4");
    assertThat(metadata.requiresDist()).containsExactly("numpy>=1.20", "pandas; extra == \"df\"");
    assertThat(metadata.summary()).isEqualTo("A library");
    assertThat(metadata.record(new FileDigest(10, "ab", "cd"))).contains("\"requires_python\":\">=3.8,<4\"").contains("\"packagetype\":\"bdist_wheel\"");
  }

  @Test
  void a_wheels_core_metadata_is_its_metadata_file_byte_for_byte_and_sdists_have_none() throws IOException {
    Path wheel = wheel("my_lib-1.2.0-py3-none-any.whl", METADATA);

    assertThat(PythonDistributions.read(wheel, "my_lib-1.2.0-py3-none-any.whl").coreMetadata()).hasValueSatisfying(bytes ->
        assertThat(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(METADATA));
    assertThat(PythonDistributions.read(sdist("my.lib-1.2.0.tar.gz", "my.lib-1.2.0", METADATA, null), "my.lib-1.2.0.tar.gz").coreMetadata()).isEmpty();
  }

  @Test
  void an_sdists_pkg_info_is_read_in_tar_gz_and_zip_form() throws IOException {
    PythonDistributionMetadata tarGz = PythonDistributions.read(sdist("my.lib-1.2.0.tar.gz", "my.lib-1.2.0", METADATA, null), "my.lib-1.2.0.tar.gz");
    assertThat(tarGz.subdir()).isEqualTo("my-lib");
    assertThat(tarGz.version()).isEqualTo("1.2.0");

    PythonDistributionMetadata zip = PythonDistributions.read(zip("My_Lib-1.2.0.zip", Map.of("My_Lib-1.2.0/PKG-INFO", METADATA)), "My_Lib-1.2.0.zip");
    assertThat(zip.requiresPython()).isEqualTo(">=3.8,<4");
  }

  @Test
  void a_file_name_that_disagrees_with_the_metadata_is_refused_with_the_right_name() throws IOException {
    Path other = wheel("other_name-1.2.0-py3-none-any.whl", METADATA);
    assertThatThrownBy(() -> PythonDistributions.read(other, "other_name-1.2.0-py3-none-any.whl")).isInstanceOf(PackageRejectedException.class)
        .hasMessageContaining("My.Lib 1.2.0").hasMessageContaining("NAME-VERSION-PYTAG-ABITAG-PLATFORM.whl");
    Path version = wheel("my_lib-1.3.0-py3-none-any.whl", METADATA);
    assertThatThrownBy(() -> PythonDistributions.read(version, "my_lib-1.3.0-py3-none-any.whl")).isInstanceOf(PackageRejectedException.class)
        .hasMessageContaining("1.2.0");
    Path sdist = sdist("my-lib-2.0.tar.gz", "my-lib-2.0", METADATA, null);
    assertThatThrownBy(() -> PythonDistributions.read(sdist, "my-lib-2.0.tar.gz")).isInstanceOf(PackageRejectedException.class)
        .hasMessageContaining("NAME-VERSION.tar.gz");
  }

  @Test
  void metadata_without_name_or_version_is_refused() throws IOException {
    Path file = wheel("my_lib-1.2.0-py3-none-any.whl", "Metadata-Version: 2.1\nName: my-lib\n");
    assertThatThrownBy(() -> PythonDistributions.read(file, "my_lib-1.2.0-py3-none-any.whl")).isInstanceOf(PackageRejectedException.class)
        .hasMessageContaining("no Name or Version");
  }

  @Test
  void a_wheel_without_metadata_is_refused() throws IOException {
    Path file = zip("my_lib-1.2.0-py3-none-any.whl", Map.of("my_lib/__init__.py", ""));
    assertThatThrownBy(() -> PythonDistributions.read(file, "my_lib-1.2.0-py3-none-any.whl")).isInstanceOf(PackageRejectedException.class)
        .hasMessageContaining("METADATA");
  }

  @Test
  void entries_that_climb_out_of_the_archive_are_refused() throws IOException {
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put("my_lib-1.2.0.dist-info/METADATA", METADATA);
    entries.put("../../etc/cron.d/evil", "* * * * * root sh");
    Path wheel = zip("my_lib-1.2.0-py3-none-any.whl", entries);
    assertThatThrownBy(() -> PythonDistributions.read(wheel, "my_lib-1.2.0-py3-none-any.whl")).isInstanceOf(PackageRejectedException.class)
        .hasMessageContaining("../../etc/cron.d/evil");

    Path absolute = zip("my_lib-1.2.0.zip", Map.of("/my_lib-1.2.0/PKG-INFO", METADATA));
    assertThatThrownBy(() -> PythonDistributions.read(absolute, "my_lib-1.2.0.zip")).isInstanceOf(PackageRejectedException.class)
        .hasMessageContaining("outside");
  }

  @Test
  void symbolic_links_are_refused_in_wheels_and_sdists() throws IOException {
    Path wheel = dir.resolve("my_lib-1.2.0-py3-none-any.whl");
    try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(Files.newOutputStream(wheel))) {
      zip.putArchiveEntry(new ZipArchiveEntry("my_lib-1.2.0.dist-info/METADATA"));
      zip.write(METADATA.getBytes(StandardCharsets.UTF_8));
      zip.closeArchiveEntry();
      ZipArchiveEntry link = new ZipArchiveEntry("my_lib/secrets");
      link.setUnixMode(UnixStat.LINK_FLAG | 0777);
      zip.putArchiveEntry(link);
      zip.write("/etc/shadow".getBytes(StandardCharsets.UTF_8));
      zip.closeArchiveEntry();
    }
    assertThatThrownBy(() -> PythonDistributions.read(wheel, "my_lib-1.2.0-py3-none-any.whl")).isInstanceOf(PackageRejectedException.class)
        .hasMessageContaining("symbolic link");

    Path sdist = sdist("my.lib-1.2.0.tar.gz", "my.lib-1.2.0", METADATA, "passwd");
    assertThatThrownBy(() -> PythonDistributions.read(sdist, "my.lib-1.2.0.tar.gz")).isInstanceOf(PackageRejectedException.class)
        .hasMessageContaining("link");
  }

  @Test
  void corrupt_and_truncated_archives_are_refused_as_unreadable() throws IOException {
    Path garbage = dir.resolve("my_lib-1.2.0-py3-none-any.whl");
    Files.write(garbage, "this is not a zip file at all".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> PythonDistributions.read(garbage, "my_lib-1.2.0-py3-none-any.whl")).isInstanceOf(PackageRejectedException.class)
        .hasMessageContaining("not a readable archive");

    Path whole = sdist("whole.tar.gz", "my.lib-1.2.0", METADATA, null);
    byte[] bytes = Files.readAllBytes(whole);
    Path cut = dir.resolve("my.lib-1.2.0.tar.gz");
    try (OutputStream out = Files.newOutputStream(cut)) {
      out.write(bytes, 0, bytes.length / 2);
    }
    assertThatThrownBy(() -> PythonDistributions.read(cut, "my.lib-1.2.0.tar.gz")).isInstanceOf(PackageRejectedException.class)
        .hasMessageContaining("not a readable archive");
  }

  @Test
  void other_file_types_are_not_python_distributions() {
    assertThatThrownBy(() -> PythonDistributions.read(dir.resolve("x"), "numpy-1.26.4-py311_0.conda")).isInstanceOf(PackageRejectedException.class)
        .hasMessageContaining("wheels (.whl) and sdists");
  }

  @Test
  void project_names_are_normalized_as_pep_503_says() {
    assertThat(List.of("Friendly-Bard", "FRIENDLY-BARD", "friendly.bard", "friendly_bard", "friendly--bard", "FrIeNdLy-._.-bArD"))
        .allSatisfy(n -> assertThat(PythonDistributionMetadata.normalize(n)).isEqualTo("friendly-bard"));
  }
}
