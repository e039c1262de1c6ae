package org.tessera.cli.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tessera.cli.client.StubHttpServer.Reply;

/** How API errors become the text after {@code Error: } and an exit code. */
class ProblemRenderingTest {

    private final StubHttpServer server = StubHttpServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void titleAndDetailAreJoinedByAColon() {
        Problem problem = new Problem("about:blank", "Project not found", 404, "No project named demo; list them with tessera project list.", null, null);

        assertThat(problem.render("Not Found"))
                .isEqualTo("Project not found: No project named demo; list them with tessera project list.");
    }

    @Test
    void fieldErrorsFollowOnePerIndentedLine() {
        Problem problem = new Problem(null, "Invalid request", 400, "Fix the fields below.", null,
                List.of(new Problem.FieldError("name", "must not be blank"), new Problem.FieldError(null, "too many tags")));

        assertThat(problem.render("Bad Request").lines()).containsExactly(
                "Invalid request: Fix the fields below.",
                "  name: must not be blank",
                "  too many tags");
    }

    @Test
    void missingTitleFallsBackToTheStatusAndMissingDetailIsLeftOut() {
        assertThat(new Problem(null, null, 409, null, null, null).render("Conflict")).isEqualTo("Conflict");
    }

    @Test
    void problemJsonFromTheApiBecomesTheMessageWithFieldErrors() {
        server.replies("/api/v1/things", Reply.problem(422, """
                {"type":"https://tessera.example/problems/invalid","title":"Unprocessable request","status":422,
                 "detail":"The name is taken.","errors":[{"field":"name","message":"already exists"}],"extra":1}
                """));

        assertThatThrownBy(() -> api().get("/api/v1/things"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.exitCode()).isEqualTo(ExitCode.FAILURE);
                    assertThat(e.getMessage().lines())
                            .containsExactly("Unprocessable request: The name is taken.", "  name: already exists");
                });
    }

    @Test
    void unauthorizedIsExitCode3AndSaysHowToSignIn() {
        server.replies("/api/v1/me", Reply.problem(401, "{\"title\":\"Not signed in\",\"status\":401,\"detail\":\"The token expired.\"}"));

        assertThatThrownBy(() -> api().get("/api/v1/me"))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.NOT_SIGNED_IN))
                .hasMessageStartingWith("Not signed in: The token expired.")
                .hasMessageContaining("tessera login");
    }

    @Test
    void forbiddenIsExitCode4() {
        server.replies("/api/v1/me", Reply.problem(403, "{\"title\":\"Not allowed\",\"status\":403,\"detail\":\"Needs ae-admin.\"}"));

        assertThatThrownBy(() -> api().get("/api/v1/me"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.FORBIDDEN))
                .hasMessage("Not allowed: Needs ae-admin.");
    }

    @Test
    void htmlErrorPageIsReportedByItsStatusNotItsMarkup() {
        server.replies("/api/v1/me", new Reply(502, "text/html", "<html><body>Bad gateway</body></html>"));

        assertThatThrownBy(() -> api().get("/api/v1/me"))
                .hasMessage("Bad Gateway: The server answered HTTP 502 without a problem description.");
    }

    @Test
    void refusedConnectionNamesTheUrlAndHowToChangeIt() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Site site = new Site("master", "http://127.0.0.1:" + closedPort);
        TesseraApiClient api = new TesseraApiClient(site, HttpTransport.create(true), Json.mapper(), () -> "token");

        assertThatThrownBy(api::info)
                .isInstanceOfSatisfying(ServerUnreachableException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.FAILURE))
                .hasMessageContaining("http://127.0.0.1:" + closedPort)
                .hasMessageContaining("tessera config set sites.master.url URL");
    }

    private TesseraApiClient api() {
        return new TesseraApiClient(new Site("master", server.url()), HttpTransport.create(true), Json.mapper(), () -> "token");
    }
}
