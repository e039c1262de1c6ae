package org.tessera.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.cli.CliRunner.Result;
import org.tessera.cli.client.FakeTime;
import org.tessera.cli.client.StubHttpServer.Reply;

/** {@code tessera channels} against a stub site. */
class ChannelsCommandTest {

    @TempDir
    Path configDir;

    private final FakeSite site = new FakeSite();
    private final FakeTime time = new FakeTime();
    private CliRunner cli;

    static final String MAIN = "{\"name\":\"main\",\"type\":\"conda\",\"owner\":\"ada\",\"private\":false,\"createdAt\":\"2026-11-01T10:00:00Z\","
            + "\"updatedAt\":\"2026-11-02T10:00:00.123Z\",\"files\":3,\"shares\":[{\"kind\":\"group\",\"name\":\"everyone\",\"level\":\"read\"}],"
            + "\"canWrite\":true,\"canManage\":true,\"url\":\"http://t/repository/conda/main\"}";
    static final String SECRET = "{\"name\":\"secret\",\"type\":\"pypi\",\"owner\":\"bob\",\"private\":true,\"updatedAt\":\"2026-11-03T10:00:00Z\",\"files\":0,"
            + "\"shares\":[],\"canWrite\":false,\"canManage\":false,\"url\":\"http://t/repository/pypi/secret/simple/\"}";

    @BeforeEach
    void signIn() {
        cli = site.signedIn(configDir, time, "ada");
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void listShowsTypeAccessOwnerFilesAndUrl() {
        site.server.replies("/api/v1/channels", Reply.json(200, "[" + MAIN + "," + SECRET + "]"));

        Result result = cli.run("channels", "list");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("NAME", "main", "conda", "public", "owner", "http://t/repository/conda/main", "2026-11-02 10:00:00Z");
        assertThat(result.out()).contains("secret", "pypi", "private", "bob", "read ");
    }

    @Test
    void createSendsNameTypeAndPrivacyPublicByDefault() {
        site.server.replies("/api/v1/channels", Reply.json(201, MAIN));

        Result result = cli.run("channels", "create", "main");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Created public conda channel main at http://t/repository/conda/main");
        assertThat(site.server.requests("/api/v1/channels").get(0).body()).contains("\"name\" : \"main\"", "\"type\" : \"conda\"", "\"private\" : false");

        site.server.replies("/api/v1/channels", Reply.json(201, SECRET));
        assertThat(cli.run("channels", "create", "secret", "--type", "pypi", "--private").exitCode()).isZero();
        assertThat(site.server.requests("/api/v1/channels").get(1).body()).contains("\"type\" : \"pypi\"", "\"private\" : true");
    }

    @Test
    void shareTakesTheSeedsLevelsAndRemoveUnshares() {
        site.server.replies("/api/v1/channels/main/shares", Reply.json(200, MAIN));
        site.server.replies("/api/v1/channels/main/shares/user/bob", Reply.json(200, MAIN));
        site.server.replies("/api/v1/channels/main/shares/group/everyone", Reply.json(200, MAIN));

        Result read = cli.run("channels", "share", "--user", "bob", "--level", "r", "main");
        Result readWrite = cli.run("channels", "share", "main", "--group", "data-science");
        Result removed = cli.run("channels", "share", "--user", "bob", "--remove", "main");
        Result unshared = cli.run("channels", "unshare", "main", "--group", "everyone");

        assertThat(read.exitCode()).as(read.err()).isZero();
        assertThat(read.out()).contains("Shared channel main with user bob (read).");
        assertThat(site.server.requests("/api/v1/channels/main/shares").get(0).body()).contains("\"user\" : \"bob\"", "\"permission\" : \"read\"");
        assertThat(site.server.requests("/api/v1/channels/main/shares").get(1).body()).contains("\"group\" : \"data-science\"", "\"permission\" : \"read-write\"");
        assertThat(readWrite.exitCode()).isZero();
        assertThat(removed.out()).contains("no longer shared with user bob");
        assertThat(site.server.requests("/api/v1/channels/main/shares/user/bob").get(0).method()).isEqualTo("DELETE");
        assertThat(unshared.exitCode()).isZero();
        assertThat(site.server.requests("/api/v1/channels/main/shares/group/everyone").get(0).method()).isEqualTo("DELETE");
    }

    @Test
    void shareRefusesAnUnknownLevelAndNeedsExactlyOneTarget() {
        assertThat(cli.run("channels", "share", "--user", "bob", "--level", "admin", "main").err()).contains("--level is r (read) or rw (read-write)");
        assertThat(cli.run("channels", "share", "--user", "bob", "--group", "g", "main").exitCode()).isNotZero();
        assertThat(cli.run("channels", "share", "main").exitCode()).isNotZero();
    }

    @Test
    void shareCanMakeAChannelPrivate() {
        site.server.replies("/api/v1/channels/main/visibility", Reply.json(200, MAIN));

        Result result = cli.run("channels", "share", "main", "--private");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(site.server.requests("/api/v1/channels/main/visibility").get(0).body()).contains("\"private\" : true");
    }

    @Test
    void showListsSharesAndPackages() {
        site.server.replies("/api/v1/channels/main", Reply.json(200, MAIN));
        site.server.replies("/api/v1/channels/main/packages", Reply.json(200,
                "[{\"name\":\"tiny\",\"latestVersion\":\"1.0\",\"versions\":[\"1.0\"],\"platforms\":[\"noarch\",\"linux-64\"],\"files\":2,\"downloads\":7}]"));

        Result result = cli.run("channels", "show", "main");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("main (conda, public) at http://t/repository/conda/main", "shared with group everyone (read)", "tiny", "noarch,linux-64", "7 downloads");
    }

    @Test
    void deleteOfAnUnknownChannelShowsTheProblem() {
        site.server.replies("/api/v1/channels/nope", Reply.problem(404,
                "{\"type\":\"urn:tessera:problem:channel-not-found\",\"title\":\"Channel not found\",\"status\":404,\"detail\":\"There is no channel nope you can read; list the channels to see yours.\"}"));

        Result result = cli.run("channels", "delete", "nope");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("There is no channel nope you can read");
    }

    @Test
    void configPrintsTheGeneratedFiles() {
        site.server.replies("/api/v1/channels/config/condarc", new Reply(200, "text/plain", "channel_alias: http://t/repository/conda\n"));
        site.server.replies("/api/v1/channels/config/pip.conf", new Reply(200, "text/plain", "[global]\nindex-url = http://t/repository/pypi/pypi/simple/\n"));

        Result condarc = cli.run("channels", "config", "condarc");
        Result pip = cli.run("channels", "config", "pip");

        assertThat(condarc.out()).isEqualTo("channel_alias: http://t/repository/conda\n");
        assertThat(pip.out()).contains("index-url = http://t/repository/pypi/pypi/simple/");
        assertThat(site.server.requests("/api/v1/channels/config/condarc").get(0).header("Accept")).contains("text/plain");
        assertThat(cli.run("channels", "config", "npmrc").err()).contains("condarc or pip");
    }
}
