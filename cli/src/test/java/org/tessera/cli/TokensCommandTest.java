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

/** {@code tessera tokens} and {@code tessera projects} against a stub site. */
class TokensCommandTest {

    @TempDir
    Path configDir;

    private final FakeSite site = new FakeSite();
    private final FakeTime time = new FakeTime();
    private CliRunner cli;

    @BeforeEach
    void signIn() {
        cli = site.signedIn(configDir, time, "ada");
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void createPostsNameAndDaysAndPrintsOnlyTheSecretOnStdout() {
        site.server.replies("/api/v1/me/tokens", Reply.json(201,
                "{\"id\":\"0123456789abcdef\",\"name\":\"laptop\",\"token\":\"tsr_0123456789abcdef_s3cret\",\"expiresAt\":\"2027-01-01T00:00:00Z\"}"));

        Result result = cli.run("tokens", "create", "laptop", "--days", "30");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out().strip()).isEqualTo("tsr_0123456789abcdef_s3cret");
        assertThat(result.err()).contains("not shown again");
        var request = site.server.requests("/api/v1/me/tokens").get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.body()).contains("\"name\" : \"laptop\"", "\"expiresInDays\" : 30");
        assertThat(request.header("Authorization")).isEqualTo("Bearer access-1");
    }

    @Test
    void listPrintsATableWithoutSecrets() {
        site.server.replies("/api/v1/me/tokens", Reply.json(200,
                "[{\"id\":\"0123456789abcdef\",\"name\":\"ci\",\"status\":\"revoked\",\"expiresAt\":\"2027-01-01T00:00:00Z\",\"lastUsedAt\":null}]"));

        Result result = cli.run("tokens", "list");

        assertThat(result.out().lines()).hasSize(2);
        assertThat(result.out().lines().toList().get(1)).contains("0123456789abcdef", "revoked", "never", "ci");
    }

    @Test
    void revokingAnUnknownTokenShowsTheServersReasonAndFails() {
        site.server.replies("/api/v1/me/tokens/nope", Reply.problem(404,
                "{\"type\":\"urn:tessera:problem:token-not-found\",\"title\":\"Token not found\",\"status\":404,"
                        + "\"detail\":\"You have no access token with id nope; list yours with: tessera tokens list\"}"));

        Result result = cli.run("tokens", "revoke", "nope");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("You have no access token with id nope");
        assertThat(site.server.requests("/api/v1/me/tokens/nope").get(0).method()).isEqualTo("DELETE");
    }

    @Test
    void projectsCreateSendsTheTemplateAndPrintsTheCloneCommand() {
        site.server.replies("/api/v1/projects", Reply.json(201,
                "{\"id\":\"p1\",\"name\":\"demo\",\"owner\":\"ada\",\"gitUrl\":\"http://h/git/ada/demo.git\"}"));

        Result result = cli.run("projects", "create", "demo", "--template", "flask-api");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Created ada/demo (id p1).", "git clone http://h/git/ada/demo.git");
        assertThat(site.server.requests("/api/v1/projects").get(0).body()).contains("\"template\" : \"flask-api\"");
    }

    @Test
    void projectsShowListsCommandsPackagesAndVariables() {
        site.server.replies("/api/v1/projects/p1", Reply.json(200,
                "{\"project\":{\"id\":\"p1\",\"name\":\"demo\",\"owner\":\"ada\",\"gitUrl\":\"http://h/git/ada/demo.git\"},"
                        + "\"commands\":[{\"name\":\"default\",\"type\":\"unix\",\"target\":\"python app.py\"}],"
                        + "\"packages\":[\"python=3.11\",\"flask\"],\"variables\":[{\"name\":\"GREETING\"}]}"));

        Result result = cli.run("projects", "show", "p1");

        assertThat(result.out().lines()).contains("  default (unix): python app.py", "packages: python=3.11, flask", "variables: GREETING");
    }

    @Test
    void externalSetReadsTheTokenFromStandardInputAndNeverPrintsIt() {
        site.server.replies("/api/v1/me/external-git-credential", Reply.json(200,
                "{\"set\":true,\"username\":\"ada-git\",\"tokenSet\":true,\"updatedAt\":\"2026-01-01T00:00:00Z\"}"));

        Result result = cli.runWithInput("ghp_s3cret\n", "tokens", "external", "set", "--username", "ada-git", "--token-stdin");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("saved for git user ada-git").doesNotContain("ghp_s3cret");
        var request = site.server.requests("/api/v1/me/external-git-credential").get(0);
        assertThat(request.method()).isEqualTo("PUT");
        assertThat(request.body()).contains("\"username\" : \"ada-git\"", "\"token\" : \"ghp_s3cret\"");
        assertThat(cli.run("tokens", "external", "show").out()).contains("Git user ada-git, token set");
    }

    @Test
    void externalSetWithoutATokenOnStandardInputSaysHowToPipeIt() {
        Result result = cli.runWithInput("", "tokens", "external", "set", "--username", "ada-git", "--token-stdin");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("No token on standard input");
        assertThat(site.server.requests("/api/v1/me/external-git-credential")).isEmpty();
    }

    @Test
    void externalRemoveDeletesAndShowSaysWhenNoneIsSet() {
        site.server.replies("/api/v1/me/external-git-credential", Reply.json(204, ""), Reply.json(200, "{\"set\":false}"));

        assertThat(cli.run("tokens", "external", "remove").out()).contains("removed");
        assertThat(site.server.requests("/api/v1/me/external-git-credential").get(0).method()).isEqualTo("DELETE");
        assertThat(cli.run("tokens", "external", "show").out()).contains("No external git credentials", "tessera tokens external set");
    }
}
