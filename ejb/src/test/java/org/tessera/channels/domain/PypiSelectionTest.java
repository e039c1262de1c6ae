package org.tessera.channels.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PypiSelectionTest {

  private static PypiSelection selection(String yaml) {
    return new PypiSelection((MirrorConfig.Pypi) MirrorConfigParser.parse(MirrorKind.PYPI, yaml));
  }

  private static PypiSelection.Link link(String filename) {
    return new PypiSelection.Link(filename, "https://files/" + filename, "0".repeat(64), false);
  }

  @Test
  void projectsComeFromPkgListOrWhitelistElseTheWholeIndexLessBlacklist() {
    assertThat(selection("pkg_list: [Requests, six]").projects(List.of("ignored"))).containsExactly("requests", "six");
    assertThat(selection("whitelist: [Simple_JSON]").projects(List.of())).containsExactly("simple-json");
    assertThat(selection("blacklist: [numpy]").projects(List.of("six", "NumPy", "attrs"))).containsExactly("attrs", "six");
    assertThat(selection("whitelist: [six, numpy]\nblacklist: [numpy]").projects(List.of())).containsExactly("six");
  }

  @Test
  void allDistributionsUnlessLatestOnly() {
    List<PypiSelection.Link> links = List.of(link("six-1.9.0-py2.py3-none-any.whl"), link("six-1.16.0-py2.py3-none-any.whl"), link("six-1.16.0.tar.gz"),
        link("six-1.10.0.tar.gz"), link("six-1.16.0.win32.exe"), link("six-2.0.0rc1.tar.gz"));
    assertThat(selection("").files(links)).extracting(PypiSelection.Link::filename).hasSize(5).doesNotContain("six-1.16.0.win32.exe");
    assertThat(selection("latest_only: true").files(links)).extracting(PypiSelection.Link::filename)
        .containsExactly("six-1.16.0-py2.py3-none-any.whl", "six-1.16.0.tar.gz");
  }

  @Test
  void latestOnlySkipsYankedReleases() {
    List<PypiSelection.Link> links = List.of(link("a-1.0.tar.gz"), new PypiSelection.Link("a-2.0.tar.gz", "u", null, true));
    assertThat(selection("latest_only: true").files(links)).extracting(PypiSelection.Link::filename).containsExactly("a-1.0.tar.gz");
  }

  @Test
  void versionsComeFromFileNames() {
    assertThat(PypiSelection.version("pkg_a-1.2.3-py3-none-any.whl")).contains("1.2.3");
    assertThat(PypiSelection.version("pkg-a-1.2.3.tar.gz")).contains("1.2.3");
    assertThat(PypiSelection.version("broken.whl")).isEmpty();
  }
}
