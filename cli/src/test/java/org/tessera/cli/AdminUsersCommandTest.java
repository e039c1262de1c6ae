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

/** {@code tessera admin users} against a stub site. */
class AdminUsersCommandTest {

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
    void listSendsTheSearchAndShowsEachUsersSource() {
        site.server.replies("/api/v1/admin/users", Reply.json(200, "{\"users\":["
                + "{\"username\":\"ada\",\"email\":\"ada@example.com\",\"enabled\":true,\"source\":\"directory\",\"sourceName\":\"corp\"},"
                + "{\"username\":\"bob\",\"email\":\"bob@example.org\",\"enabled\":false,\"source\":\"local\"},"
                + "{\"username\":\"gus\",\"enabled\":true,\"source\":\"identity-provider\",\"sourceName\":\"google\"}],"
                + "\"total\":45,\"page\":0,\"size\":20}"));

        Result result = cli.run("admin", "users", "list", "--search", "a b");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(site.server.requests("/api/v1/admin/users").get(0).query()).isEqualTo("page=0&size=20&search=a+b");
        assertThat(result.out()).contains("ada", "ldap:corp", "bob", "disabled", "gus", "idp:google").contains("Users 1-3 of 45; next: --page 1.");
    }

    @Test
    void showPrintsGroupsRolesActionsAndSessions() {
        site.server.replies("/api/v1/admin/users/ada", Reply.json(200, "{\"username\":\"ada\",\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"email\":\"ada@example.com\","
                + "\"enabled\":true,\"source\":\"local\",\"groups\":[\"everyone\"],\"roles\":[\"ae-uploader\"],\"effectiveRoles\":[\"ae-creator\",\"ae-uploader\"],"
                + "\"requiredActions\":[\"UPDATE_PASSWORD\"],\"sessions\":[{\"ipAddress\":\"127.0.0.1\",\"started\":\"2026-11-25T10:00:00Z\",\"lastAccess\":\"2026-11-25T10:05:00Z\",\"clients\":[\"tessera-web\"]}]}"));

        Result result = cli.run("admin", "users", "show", "ada");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Ada Lovelace", "everyone", "ae-creator, ae-uploader", "UPDATE_PASSWORD", "session from 127.0.0.1", "tessera-web");
    }

    @Test
    void disableAndEnablePostToTheUser() {
        site.server.replies("/api/v1/admin/users/ada/disable", Reply.json(200, "{}"));
        site.server.replies("/api/v1/admin/users/ada/enable", Reply.json(200, "{}"));

        assertThat(cli.run("admin", "users", "disable", "ada").out()).contains("Disabled ada");
        assertThat(cli.run("admin", "users", "enable", "ada").out()).contains("Enabled ada");
        assertThat(site.server.requests("/api/v1/admin/users/ada/disable").get(0).method()).isEqualTo("POST");
        assertThat(site.server.requests("/api/v1/admin/users/ada/enable")).hasSize(1);
    }

    @Test
    void disablingTheLastAdministratorShowsTheRefusal() {
        site.server.replies("/api/v1/admin/users/admin/disable", Reply.problem(409,
                "{\"type\":\"urn:tessera:problem:last-administrator\",\"title\":\"Last administrator\",\"status\":409,"
                        + "\"detail\":\"Refused: disabling admin would leave no enabled user with the ae-admin role.\"}"));

        Result result = cli.run("admin", "users", "disable", "admin");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("Last administrator", "would leave no enabled user with the ae-admin role");
    }

    @Test
    void anUnknownUserIsReportedWithTheServersAdvice() {
        site.server.replies("/api/v1/admin/users/nobody", Reply.problem(404,
                "{\"type\":\"urn:tessera:problem:user-not-found\",\"title\":\"User not found\",\"status\":404,\"detail\":\"There is no user 'nobody' in the realm.\"}"));

        Result result = cli.run("admin", "users", "show", "nobody");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("There is no user 'nobody'");
    }

    @Test
    void resetPasswordReadsStdinAndIsTemporaryByDefault() {
        site.server.replies("/api/v1/admin/users/ada/reset-password", Reply.json(200, "{}"));

        Result result = cli.runWithInput("Temp-Pa55\n", "admin", "users", "reset-password", "ada");

        assertThat(result.exitCode()).as(result.err()).isZero();
        String body = site.server.requests("/api/v1/admin/users/ada/reset-password").get(0).body();
        assertThat(body).contains("\"password\" : \"Temp-Pa55\"", "\"temporary\" : true");
        assertThat(cli.runWithInput("", "admin", "users", "reset-password", "ada").err()).contains("No password on standard input");
    }
}
