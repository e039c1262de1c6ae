package org.tessera.channels.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The generated .condarc, pip.conf and workload environment. */
class PackageSourcesTest {

  private static final String ALIAS = "https://tessera.example.com/repository/conda";

  @Test
  void theCondarcHasTheAliasAndDefaultsMadeOfTheDefaultChannels() {
    PackageSources sources = new PackageSources(ALIAS, List.of(ALIAS + "/main", "https://repo.example.org/pkgs/r"), null, List.of(), List.of());

    assertThat(sources.condarc()).contains("channel_alias: " + ALIAS + "\n",
        "default_channels:\n  - " + ALIAS + "/main\n  - https://repo.example.org/pkgs/r\n", "channels:\n  - defaults\n");
    assertThat(sources.condarc()).doesNotContain("token", "TOKEN");
  }

  @Test
  void withoutDefaultChannelsTheCondarcOnlySetsTheAlias() {
    String condarc = new PackageSources(ALIAS, List.of(), null, List.of(), List.of()).condarc();

    assertThat(condarc).contains("channel_alias: " + ALIAS).doesNotContain("default_channels", "channels:");
  }

  @Test
  void privateChannelsAreNamedWithHowToAddATokenButNoSecret() {
    PackageSources sources = new PackageSources(ALIAS, List.of(ALIAS + "/internal"), "https://t.example.com/repository/pypi/internal-py/simple/", List.of(),
        List.of("internal", "internal-py"));

    assertThat(sources.condarc()).contains("# Private channels need your access token", "internal, internal-py", ALIAS + "/t/YOUR_TOKEN/CHANNEL");
    assertThat(sources.pipConf()).contains("USER:YOUR_TOKEN@");
  }

  @Test
  void pipConfHasTheIndexAndEachExtraIndexOnItsOwnLine() {
    PackageSources sources = new PackageSources(ALIAS, List.of(), "https://t/repository/pypi/pypi/simple/", List.of("https://a/simple/", "https://b/simple/"), List.of());

    assertThat(sources.pipConf()).contains("[global]\nindex-url = https://t/repository/pypi/pypi/simple/\nextra-index-url =\n    https://a/simple/\n    https://b/simple/\n");
  }

  @Test
  void withoutAnIndexPipConfSaysPipKeepsItsDefault() {
    assertThat(new PackageSources(ALIAS, List.of(), null, List.of(), List.of()).pipConf()).doesNotContain("[global]").contains("pip uses its own default");
  }

  @Test
  void theWorkloadEnvironmentIsWhatCondaAndPipReadWithoutFiles() {
    PackageSources sources = new PackageSources(ALIAS, List.of(ALIAS + "/main", ALIAS + "/r"), "https://t/simple/", List.of("https://a/simple/", "https://b/simple/"), List.of());

    assertThat(sources.environment())
        .containsEntry("CONDA_CHANNEL_ALIAS", ALIAS)
        .containsEntry("CONDA_DEFAULT_CHANNELS", ALIAS + "/main," + ALIAS + "/r")
        .containsEntry("PIP_INDEX_URL", "https://t/simple/")
        .containsEntry("PIP_EXTRA_INDEX_URL", "https://a/simple/ https://b/simple/")
        .containsEntry("TESSERA_CONDARC", sources.condarc())
        .containsEntry("TESSERA_PIP_CONF", sources.pipConf());
    assertThat(new PackageSources(ALIAS, List.of(), null, List.of(), List.of()).environment()).doesNotContainKeys("PIP_INDEX_URL", "CONDA_DEFAULT_CHANNELS");
  }

  @Test
  void namesResolveUnderTheAliasAndUrlsStayAsGiven() {
    assertThat(PackageSources.condaUrl(ALIAS, "main")).isEqualTo(ALIAS + "/main");
    assertThat(PackageSources.condaUrl(ALIAS, "https://repo.example.org/pkgs/main/")).isEqualTo("https://repo.example.org/pkgs/main");
    assertThat(PackageSources.split("main, free\nr  ")).containsExactly("main", "free", "r");
  }
}
