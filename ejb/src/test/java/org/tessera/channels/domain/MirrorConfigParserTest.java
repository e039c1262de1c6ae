package org.tessera.channels.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MirrorConfigParserTest {

  private static InvalidMirrorConfigException invalid(MirrorKind kind, String yaml) {
    return (InvalidMirrorConfigException) org.assertj.core.api.Assertions.catchThrowable(() -> MirrorConfigParser.parse(kind, yaml));
  }

  @Test
  void theSeedsCondaExampleIsAcceptedAsIs() {
    MirrorConfig.Conda config = (MirrorConfig.Conda) MirrorConfigParser.parse(MirrorKind.CONDA, """
        dest_channel: main
        channels:
          - https://repo.anaconda.com/pkgs/main
        platforms:
          - linux-64
          - noarch
        """);
    assertThat(config.destChannel()).isEqualTo("main");
    assertThat(config.channels()).containsExactly("https://repo.anaconda.com/pkgs/main");
    assertThat(config.platforms()).containsExactly("linux-64", "noarch");
    assertThat(config.pkgList()).isEmpty();
  }

  @Test
  void condaDefaultsAreTheSeeds() {
    MirrorConfig.Conda config = (MirrorConfig.Conda) MirrorConfigParser.parse(MirrorKind.CONDA, "");
    assertThat(config.destChannel()).isEqualTo("anaconda");
    assertThat(config.remoteUrl()).isEqualTo("https://repo.continuum.io/");
    assertThat(config.channels()).containsExactly("https://repo.continuum.io/pkgs/free/", "https://repo.continuum.io/pkgs/pro/");
    assertThat(config.platforms()).isEmpty();
  }

  @Test
  void channelsMayBeFileUrlsOrBarePaths() {
    MirrorConfig.Conda config = (MirrorConfig.Conda) MirrorConfigParser.parse(MirrorKind.CONDA, "channels:\n  - /tmp/mirror/pkgs\n  - file:///srv/r/pkgs/\n");
    assertThat(config.channels()).containsExactly("/tmp/mirror/pkgs", "file:///srv/r/pkgs/");
  }

  @Test
  void pythonVersionsStayAsWrittenEvenWhenYamlWouldReadAFloat() {
    MirrorConfig.Conda config = (MirrorConfig.Conda) MirrorConfigParser.parse(MirrorKind.CONDA, "python_versions:\n  - 3.10\n  - 3.3\n");
    assertThat(config.pythonVersions()).containsExactly("3.10", "3.3");
  }

  @Test
  void anUnknownKeyIsReportedWithItsLineAndColumn() {
    InvalidMirrorConfigException e = invalid(MirrorKind.CONDA, "dest_channel: main\n  \nplatform:\n  - linux-64\n");
    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.key()).isEqualTo("platform");
      assertThat(p.line()).isEqualTo(3);
      assertThat(p.column()).isEqualTo(1);
      assertThat(p.message()).contains("Unknown key 'platform'", "platforms");
    });
    assertThat(e.getMessage()).contains("line 3, column 1", "start the mirror again");
  }

  @Test
  void wrongTypesAreReportedWhereTheyAre() {
    InvalidMirrorConfigException e = invalid(MirrorKind.CONDA, "dest_channel:\n  - a\nplatforms: linux-64\n");
    assertThat(e.problems()).extracting(MirrorConfigProblem::key).containsExactly("dest_channel", "platforms");
    assertThat(e.problems().get(0).line()).isEqualTo(2);
    assertThat(e.problems().get(1).message()).contains("is a list");
    assertThat(e.problems().get(1).column()).isEqualTo(12);
  }

  @Test
  void pkgListCannotBeCombinedWithTheOtherLists() {
    InvalidMirrorConfigException e = invalid(MirrorKind.CONDA, "pkg_list:\n  - zope\nplatforms: [linux-64]\nblacklist:\n  - astropy\nwhitelist: [accelerate]\n");
    assertThat(e.problems()).extracting(MirrorConfigProblem::key).containsExactly("blacklist", "whitelist");
    assertThat(e.problems().get(0).message()).contains("pkg_list cannot be combined with blacklist", "platforms and python_versions");
    assertThat(e.problems().get(0).line()).isEqualTo(4);
    assertThat(invalid(MirrorKind.CONDA, "pkg_list: [a]\nlicense_blacklist: [GPL3]\n").problems()).extracting(MirrorConfigProblem::key).containsExactly("license_blacklist");
  }

  @Test
  void pkgListCombinesWithPlatformsAndPythonVersions() {
    MirrorConfig.Conda config = (MirrorConfig.Conda) MirrorConfigParser.parse(MirrorKind.CONDA, "platforms: [linux-64]\npkg_list: [dnspython, shapely, gdal]\npython_versions: [3.11]\n");
    assertThat(config.pkgList()).containsExactly("dnspython", "shapely", "gdal");
  }

  @Test
  void unknownPlatformsAndLicenseFamiliesAreRefusedWithTheAllowedValues() {
    InvalidMirrorConfigException e = invalid(MirrorKind.CONDA, "platforms: [linux-65]\nlicense_blacklist: [GPL4]\n");
    assertThat(e.problems()).extracting(MirrorConfigProblem::message).anySatisfy(m -> assertThat(m).contains("linux-65", "linux-64"))
        .anySatisfy(m -> assertThat(m).contains("GPL4", "GPL3", "Public-Domain"));
    MirrorConfig.Conda config = (MirrorConfig.Conda) MirrorConfigParser.parse(MirrorKind.CONDA, "license_blacklist: [gpl2, GPL3]\n");
    assertThat(config.licenseBlacklist()).containsExactly("GPL2", "GPL3");
  }

  @Test
  void anInvalidDestinationNameAndBrokenYamlAreRefused() {
    assertThat(invalid(MirrorKind.CONDA, "dest_channel: Not A Name\n").problems().get(0).key()).isEqualTo("dest_channel");
    InvalidMirrorConfigException broken = invalid(MirrorKind.CONDA, "channels:\n  - a\n - b: [\n");
    assertThat(broken.problems().get(0).message()).startsWith("Not valid YAML");
    assertThat(broken.problems().get(0).line()).isGreaterThan(1);
    assertThat(invalid(MirrorKind.CONDA, "- just\n- a list\n").problems().get(0).message()).contains("mapping");
  }

  @Test
  void theSeedsPypiExampleIsAcceptedAndTheIgnoredKeysAreNoted() {
    MirrorConfig.Pypi config = (MirrorConfig.Pypi) MirrorConfigParser.parse(MirrorKind.PYPI, """
        whitelist:
          - requests
          - six
          - numpy
          - simplejson
        latest_only: true
        remote_url: https://pypi.org/
        use_xml_rpc: true
        use_serial: true
        create_org: false
        """);
    assertThat(config.user()).isEqualTo("pypi");
    assertThat(config.latestOnly()).isTrue();
    assertThat(config.indexUrl()).isEqualTo("https://pypi.org/simple/");
    assertThat(config.projects()).containsExactly("requests", "six", "numpy", "simplejson");
    assertThat(config.notes()).hasSize(3).anySatisfy(n -> assertThat(n).startsWith("use_xml_rpc is ignored"));
  }

  @Test
  void pypiDefaultsAndSimpleIndexUrlPrecedence() {
    MirrorConfig.Pypi defaults = (MirrorConfig.Pypi) MirrorConfigParser.parse(MirrorKind.PYPI, "");
    assertThat(defaults.indexUrl()).isEqualTo("https://pypi.python.org/simple/");
    assertThat(defaults.latestOnly()).isFalse();
    assertThat(defaults.projects()).isEmpty();
    MirrorConfig.Pypi own = (MirrorConfig.Pypi) MirrorConfigParser.parse(MirrorKind.PYPI, "user: mypypi\nsimple_index_url: http://127.0.0.1:9/simple\npkg_list: [six]\n");
    assertThat(own.destination()).isEqualTo("mypypi");
    assertThat(own.indexUrl()).isEqualTo("http://127.0.0.1:9/simple/");
    assertThat(own.projects()).containsExactly("six");
  }

  @Test
  void pypiRefusesCondaKeysBadBooleansAndPkgListWithWhitelist() {
    InvalidMirrorConfigException e = invalid(MirrorKind.PYPI, "platforms: [linux-64]\nlatest_only: maybe\npkg_list: [a]\nwhitelist: [b]\n");
    assertThat(e.problems()).extracting(MirrorConfigProblem::key).containsExactly("platforms", "latest_only", "whitelist");
    assertThatThrownBy(() -> MirrorConfigParser.parse(MirrorKind.PYPI, "remote_url: ftp://x/\n")).isInstanceOf(InvalidMirrorConfigException.class);
  }
}
