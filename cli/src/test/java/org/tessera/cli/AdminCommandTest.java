package org.tessera.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.cli.CliRunner.Result;
import org.tessera.cli.client.FakeTime;
import org.tessera.cli.client.StubHttpServer.Reply;

/** {@code tessera admin directories} against a stub site. */
class AdminCommandTest {

    static final String DIRECTORIES = "/api/v1/admin/directories";

    @TempDir
    Path configDir;

    private final FakeSite site = new FakeSite();
    private final FakeTime time = new FakeTime();
    private CliRunner cli;

    @BeforeEach
    void signIn() {
        cli = site.signedIn(configDir, time, "admin");
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void addSendsTheFileWithOptionsOnTopAndThePasswordFromStdin() throws Exception {
        site.server.replies(DIRECTORIES, Reply.json(201, "{\"id\":\"d1\",\"name\":\"corp\"}"));
        Path file = configDir.resolve("directory.json");
        Files.writeString(file, "{\"name\": \"from-file\", \"vendor\": \"ad\", \"connectionUrl\": \"ldaps://dc1:636\", \"usersDn\": \"dc=corp\"}");

        Result result = cli.runWithInput("bind-s3cret\n", "admin", "directories", "add", "--file", file.toString(), "--name", "corp",
                "--bind-dn", "cn=svc,dc=corp", "--bind-password-stdin");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Added directory corp (id d1).", "tessera admin directories test d1");
        String body = site.server.requests(DIRECTORIES).get(0).body();
        assertThat(body).contains("\"name\" : \"corp\"", "\"vendor\" : \"ad\"", "\"connectionUrl\" : \"ldaps://dc1:636\"",
                "\"bindDn\" : \"cn=svc,dc=corp\"", "\"bindCredential\" : \"bind-s3cret\"");
    }

    @Test
    void addWithStartTlsAsksForIt() {
        site.server.replies(DIRECTORIES, Reply.json(201, "{\"id\":\"d2\",\"name\":\"dc\"}"));

        Result result = cli.run("admin", "directories", "add", "--name", "dc", "--vendor", "ad", "--url", "ldap://dc1:389", "--start-tls");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(site.server.requests(DIRECTORIES).get(0).body()).contains("\"connectionUrl\" : \"ldap://dc1:389\"", "\"startTls\" : true");
    }

    @Test
    void invalidSettingsShowTheServersFieldErrorsAndFail() {
        site.server.replies(DIRECTORIES, Reply.problem(400,
                "{\"type\":\"urn:tessera:problem:invalid-directory\",\"title\":\"Invalid directory settings\",\"status\":400,"
                        + "\"detail\":\"connectionUrl 'http://x' must start with ldap:// or ldaps://.\","
                        + "\"errors\":[{\"field\":\"connectionUrl\",\"message\":\"connectionUrl 'http://x' must start with ldap:// or ldaps://.\"}]}"));

        Result result = cli.run("admin", "directories", "add", "--name", "corp", "--url", "http://x");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("must start with ldap:// or ldaps://");
    }

    @Test
    void listShowsTheLastSyncOrItsError() {
        site.server.replies(DIRECTORIES, Reply.json(200,
                "[{\"id\":\"d1\",\"name\":\"corp\",\"vendor\":\"other\",\"connectionUrl\":\"ldap://h:389\",\"lastSync\":"
                        + "{\"ok\":true,\"mode\":\"full\",\"at\":\"2026-01-01T00:00:00Z\",\"added\":3,\"updated\":0,\"removed\":0,\"failed\":0}},"
                        + "{\"id\":\"d2\",\"name\":\"lab\",\"vendor\":\"ad\",\"connectionUrl\":\"ldaps://dc:636\",\"lastSync\":"
                        + "{\"ok\":false,\"at\":\"2026-01-02T00:00:00Z\",\"error\":\"Keycloak could not sync the directory: down\"}},"
                        + "{\"id\":\"d3\",\"name\":\"new\",\"vendor\":\"rhds\",\"connectionUrl\":\"ldap://n:389\",\"lastSync\":null}]"));

        Result result = cli.run("admin", "directories", "list");

        assertThat(result.out().lines().toList()).hasSize(4);
        assertThat(result.out().lines().toList().get(1)).contains("d1", "corp", "full", "3 added");
        assertThat(result.out().lines().toList().get(2)).contains("failed", "down");
        assertThat(result.out().lines().toList().get(3)).contains("never");
    }

    @Test
    void testRunsConnectionThenAuthenticationAndFailsOnAWrongPassword() {
        site.server.replies(DIRECTORIES + "/d1/test-connection", Reply.json(200, "{\"ok\":true,\"message\":\"Connected to ldap://h:389.\"}"));
        site.server.replies(DIRECTORIES + "/d1/test-authentication",
                Reply.json(200, "{\"ok\":false,\"message\":\"The directory at ldap://h:389 refused to bind as cn=svc: check bindDn and the bind password (bindCredential).\"}"));

        Result result = cli.run("admin", "directories", "test", "d1");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.out()).contains("connection: ok", "authentication: FAILED", "refused to bind");
    }

    @Test
    void syncPrintsTheCountsAndAFailedSyncFails() {
        site.server.replies(DIRECTORIES + "/d1/sync",
                Reply.json(200, "{\"ok\":true,\"mode\":\"changed\",\"added\":1,\"updated\":2,\"removed\":0,\"failed\":0}"),
                Reply.json(200, "{\"ok\":false,\"mode\":\"full\",\"error\":\"Keycloak could not sync the directory: connection refused\"}"));

        Result ok = cli.run("admin", "directories", "sync", "d1", "--mode", "changed");
        Result failed = cli.run("admin", "directories", "sync", "d1");

        assertThat(ok.exitCode()).isZero();
        assertThat(ok.out()).contains("changed sync: 1 added, 2 updated, 0 removed, 0 failed");
        assertThat(site.server.requests(DIRECTORIES + "/d1/sync").get(0).method()).isEqualTo("POST");
        assertThat(failed.exitCode()).isNotZero();
        assertThat(failed.err()).contains("Sync failed", "connection refused");
    }
}
