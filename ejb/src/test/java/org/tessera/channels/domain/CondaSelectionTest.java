package org.tessera.channels.domain;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.Test;

class CondaSelectionTest {

  private static CondaSelection selection(String yaml) {
    return new CondaSelection((MirrorConfig.Conda) MirrorConfigParser.parse(MirrorKind.CONDA, yaml));
  }

  private static JsonObject record(String name, String build, String licenseFamily, String... depends) {
    JsonObjectBuilder b = Json.createObjectBuilder().add("name", name).add("version", "1.0").add("build", build);
    if (licenseFamily != null) {
      b.add("license_family", licenseFamily);
    }
    JsonArrayBuilder d = Json.createArrayBuilder();
    for (String depend : depends) {
      d.add(depend);
    }
    return b.add("depends", d).build();
  }

  @Test
  void platformsAreEvaluatedFirstAndDefaultToAll() {
    assertThat(selection("platforms: [linux-64, noarch]").platform("osx-64")).isFalse();
    assertThat(selection("platforms: [linux-64, noarch]").platform("noarch")).isTrue();
    assertThat(selection("").platform("win-64")).isTrue();
  }

  @Test
  void pkgListMirrorsOnlyTheListedPackages() {
    CondaSelection s = selection("pkg_list: [dnspython, shapely, gdal]\nplatforms: [linux-64]");
    assertThat(s.exclusion(record("shapely", "py311_0", "BSD"))).isEmpty();
    assertThat(s.exclusion(record("numpy", "py311_0", "BSD"))).contains("not in pkg_list");
  }

  @Test
  void licenseBlacklistExcludesByFamilyAndWhitelistTakesBack() {
    // The seed: license_blacklist GPL2, GPL3 with whitelist readline → readline is mirrored.
    CondaSelection s = selection("license_blacklist: [GPL2, GPL3]\nwhitelist: [readline]");
    assertThat(s.exclusion(record("bash", "0", "GPL3"))).hasValueSatisfying(r -> assertThat(r).contains("GPL3", "license_blacklist"));
    assertThat(s.exclusion(record("readline", "0", "GPL3"))).isEmpty();
    assertThat(s.exclusion(record("zlib", "0", "Other"))).isEmpty();
  }

  @Test
  void licenseFamilyFallsBackToTheLicenseField() {
    CondaSelection s = selection("license_blacklist: [GPL3]");
    JsonObject gpl = Json.createObjectBuilder().add("name", "x").add("build", "0").add("license", "GPL-3.0-or-later").build();
    assertThat(s.exclusion(gpl)).isPresent();
    JsonObject lgpl = Json.createObjectBuilder().add("name", "y").add("build", "0").add("license", "LGPL-3.0").build();
    assertThat(s.exclusion(lgpl)).isEmpty();
  }

  @Test
  void blacklistThenWhitelistAsModifier() {
    // The seed: blacklist accelerate, astropy, pygments + whitelist accelerate → accelerate mirrored.
    CondaSelection s = selection("blacklist: [accelerate, astropy, pygments]\nwhitelist: [accelerate]");
    assertThat(s.exclusion(record("accelerate", "0", null))).isEmpty();
    assertThat(s.exclusion(record("astropy", "0", null))).contains("in blacklist");
    assertThat(s.exclusion(record("pygments", "0", null))).contains("in blacklist");
    assertThat(s.exclusion(record("numpy", "0", null))).isEmpty();
  }

  @Test
  void licenseBlacklistIsEvaluatedBeforeBlacklist() {
    CondaSelection s = selection("license_blacklist: [GPL3]\nblacklist: [bash]");
    assertThat(s.exclusion(record("bash", "0", "GPL3"))).hasValueSatisfying(r -> assertThat(r).contains("license"));
  }

  @Test
  void pythonVersionsCheckTheDependsOnPython() {
    CondaSelection s = selection("python_versions: [3.11]");
    assertThat(s.exclusion(record("numpy", "h1", null, "python >=3.11,<3.12.0a0", "libgcc"))).isEmpty();
    assertThat(s.exclusion(record("numpy", "h2", null, "python >=3.12,<3.13.0a0"))).hasValueSatisfying(r -> assertThat(r).contains("python >=3.12,<3.13.0a0"));
    assertThat(selection("python_versions: [3.12]").exclusion(record("numpy", "h1", null, "python >=3.11,<3.12.0a0"))).isPresent();
    assertThat(s.exclusion(record("pkg", "h", null, "python 3.11.*"))).isEmpty();
    assertThat(s.exclusion(record("pkg", "h", null, "python 3.10.* *_cpython"))).isPresent();
    assertThat(s.exclusion(record("noarch-pkg", "pyhd8ed1ab_0", null, "python >=3.8"))).isEmpty();
    assertThat(s.exclusion(record("zlib", "h0", null, "libgcc-ng >=12"))).isEmpty();
    assertThat(s.exclusion(record("anything", "h0", null, "python"))).isEmpty();
  }

  @Test
  void pythonVersionsCheckBuildStrings() {
    CondaSelection s = selection("python_versions: [3.11, 2.7]");
    assertThat(s.exclusion(record("six", "py311_0", null))).isEmpty();
    assertThat(s.exclusion(record("six", "py27_0", null))).isEmpty();
    assertThat(s.exclusion(record("six", "py310h06a4308_0", null))).hasValueSatisfying(r -> assertThat(r).contains("built for Python 3.10"));
    assertThat(s.exclusion(record("scipy", "np126py312h1_0", null))).isPresent();
    assertThat(s.exclusion(record("cython-thing", "cpython_0", null))).isEmpty();
    assertThat(selection("python_versions: [3.3]").exclusion(record("old", "py33_0", null))).isEmpty();
  }

  @Test
  void pythonVersionsApplyTogetherWithPkgList() {
    CondaSelection s = selection("pkg_list: [six]\npython_versions: [3.11]");
    assertThat(s.exclusion(record("six", "py310_0", null))).isPresent();
    assertThat(s.exclusion(record("six", "py311_0", null))).isEmpty();
  }

  @Test
  void cleaningKeepsBlacklistedPackagesOnly() {
    CondaSelection s = selection("license_blacklist: [GPL3]\nblacklist: [astropy]\nwhitelist: [readline]");
    assertThat(s.blacklisted(record("astropy", "0", null))).isTrue();
    assertThat(s.blacklisted(record("bash", "0", "GPL3"))).isTrue();
    assertThat(s.blacklisted(record("readline", "0", "GPL3"))).isFalse();
    assertThat(s.blacklisted(record("numpy", "0", "BSD"))).isFalse();
  }

  @Test
  void versionSpecsFollowCondasOrder() {
    assertThat(CondaSelection.satisfies("3.11", ">=3.11,<3.12.0a0")).isTrue();
    assertThat(CondaSelection.satisfies("3.12", ">=3.11,<3.12.0a0")).isFalse();
    assertThat(CondaSelection.satisfies("3.9", "2.7.*|>=3.8")).isTrue();
    assertThat(CondaSelection.satisfies("3.7", "2.7.*|>=3.8")).isFalse();
    assertThat(CondaSelection.satisfies("3.11", "!=3.11")).isFalse();
    assertThat(CondaSelection.satisfies("3.11", "3.11")).isTrue();
    assertThat(CondaSelection.satisfies("3.1", "3.11")).isFalse();
  }
}
