package org.tessera.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.cli.CliRunner.Result;

class ConfigCommandTest {

    @TempDir
    Path configDir;

    @Test
    void setGetListUnsetRoundTrip() {
        CliRunner cli = new CliRunner(configDir);

        assertThat(cli.run("config", "set", "sites.master.url", "https://tessera.example.com/").exitCode()).isZero();
        assertThat(cli.run("config", "set", "ssl_verify", "false").exitCode()).isZero();
        assertThat(cli.run("config", "get", "sites.master.url").out().strip()).isEqualTo("https://tessera.example.com");
        assertThat(cli.run("config", "list").out().lines()).containsExactly(
                "default_site: master",
                "sites.master.url: https://tessera.example.com",
                "ssl_verify: false");

        assertThat(cli.run("config", "unset", "sites.master.url").exitCode()).isZero();
        assertThat(cli.run("config", "unset", "ssl_verify").exitCode()).isZero();

        Result get = cli.run("config", "get", "sites.master.url");
        assertThat(get.exitCode()).isEqualTo(1);
        assertThat(get.err()).contains("sites.master.url is not set.");
        assertThat(cli.run("config", "get", "ssl_verify").out().strip()).isEqualTo("true");
        assertThat(cli.run("config", "list").out().lines()).containsExactly("default_site: master", "ssl_verify: true");
    }

    @Test
    void defaultSiteDefaultsToMaster() {
        CliRunner cli = new CliRunner(configDir);

        assertThat(cli.run("config", "get", "default_site").out().strip()).isEqualTo("master");
        cli.run("config", "set", "default_site", "dev");
        assertThat(cli.run("config", "get", "default_site").out().strip()).isEqualTo("dev");
    }

    @Test
    void unknownKeyIsRefusedWithTheKnownKeys() {
        Result result = new CliRunner(configDir).run("config", "set", "site.master.url", "http://x.test");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo(
                "Error: Unknown key 'site.master.url'. Known keys: sites.<name>.url, default_site, ssl_verify.");
        assertThat(configDir.resolve("config.yaml")).doesNotExist();
    }

    @Test
    void unknownKeyIsRefusedByGetAndUnsetToo() {
        CliRunner cli = new CliRunner(configDir);

        assertThat(cli.run("config", "get", "password").exitCode()).isEqualTo(2);
        assertThat(cli.run("config", "unset", "password").err()).contains("Known keys");
    }

    @Test
    void missingArgumentIsAUsageError() {
        Result result = new CliRunner(configDir).run("config", "set", "ssl_verify");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Missing required parameter").contains("VALUE");
    }

    @Test
    void configWithoutSubcommandPrintsUsage() {
        Result result = new CliRunner(configDir).run("config");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Usage: tessera config").contains("set").contains("unset");
    }
}
