package org.tessera.cli.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliConfigTest {

    @TempDir
    Path dir;

    @Test
    void storesNestedYamlLikeAnacondaEnterpriseCli() throws IOException {
        CliConfig config = CliConfig.load(dir);
        config.set("sites.master.url", "https://tessera.example.com/");
        config.set("default_site", "master");
        config.set("ssl_verify", "false");
        config.save();

        assertThat(Files.readString(dir.resolve("config.yaml")).lines()).containsExactly(
                "sites:",
                "  master:",
                "    url: https://tessera.example.com",
                "default_site: master",
                "ssl_verify: false");
        assertThat(CliConfig.load(dir).sslVerify()).isFalse();
    }

    @Test
    void entriesThisVersionDoesNotKnowSurviveARoundTrip() throws IOException {
        Files.writeString(dir.resolve("config.yaml"), "future_key: 1\nsites:\n  master:\n    url: http://a.test\n    token_cache: x\n");

        CliConfig config = CliConfig.load(dir);
        config.set("sites.master.url", "http://b.test");
        config.save();

        String yaml = Files.readString(dir.resolve("config.yaml"));
        assertThat(yaml).contains("future_key: 1").contains("token_cache: x").contains("url: http://b.test");
    }

    @Test
    void tesseraUrlOverridesTheConfiguredUrlOfTheChosenSite() {
        CliConfig config = CliConfig.load(dir);
        config.set("sites.master.url", "http://configured.test");
        config.set("sites.dev.url", "http://dev.test");

        assertThat(config.resolveSite(null, Map.of())).isEqualTo(new Site("master", "http://configured.test"));
        assertThat(config.resolveSite("dev", Map.of())).isEqualTo(new Site("dev", "http://dev.test"));
        assertThat(config.resolveSite(null, Map.of("TESSERA_URL", "http://override.test/")))
                .isEqualTo(new Site("master", "http://override.test"));
    }

    @Test
    void defaultSiteSettingChoosesTheSite() {
        CliConfig config = CliConfig.load(dir);
        config.set("sites.dev.url", "http://dev.test");
        config.set("default_site", "dev");

        assertThat(config.resolveSite(null, Map.of()).name()).isEqualTo("dev");
    }

    @Test
    void siteWithoutUrlSaysWhichKeyToSet() {
        assertThatThrownBy(() -> CliConfig.load(dir).resolveSite("dev", Map.of()))
                .isInstanceOfSatisfying(CliException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.FAILURE))
                .hasMessageContaining("tessera config set sites.dev.url URL");
    }

    @Test
    void badValuesAreUsageErrors() {
        CliConfig config = CliConfig.load(dir);

        assertThatThrownBy(() -> config.set("sites.master.url", "localhost:8080"))
                .isInstanceOfSatisfying(CliException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
                .hasMessageContaining("http or https URL");
        assertThatThrownBy(() -> config.set("default_site", "a b")).isInstanceOf(CliException.class);
        assertThatThrownBy(() -> config.set("sites.a.b.url", "http://x.test"))
                .hasMessageContaining("Unknown key 'sites.a.b.url'");
    }
}
