package org.tessera.cli.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * The Tessera API answered with an error status. The message is the rendered problem document;
 * the exit code follows the status: 401 is 3, 403 is 4, anything else 1.
 */
public class ProblemException extends CliException {

    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(409, "Conflict"),
            Map.entry(413, "Content Too Large"), Map.entry(415, "Unsupported Media Type"),
            Map.entry(422, "Unprocessable Content"), Map.entry(500, "Internal Server Error"),
            Map.entry(502, "Bad Gateway"), Map.entry(503, "Service Unavailable"),
            Map.entry(504, "Gateway Timeout"));

    /** Longest non-JSON body shown as the detail; beyond that it is most likely an HTML page. */
    private static final int MAX_PLAIN_DETAIL = 200;

    private final int status;
    private final Problem problem;

    public ProblemException(int status, Problem problem) {
        super(message(status, problem), exitCodeFor(status));
        this.status = status;
        this.problem = problem;
    }

    /**
     * Reads the problem document from an error response. A body that is not a problem document (a
     * proxy's HTML page, a bare text) still yields an exception named after the status.
     */
    public static ProblemException from(HttpResponse<String> response, ObjectMapper json) {
        int status = response.statusCode();
        String body = response.body() == null ? "" : response.body().strip();
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (contentType.contains("json") && !body.isEmpty()) {
            try {
                return new ProblemException(status, json.readValue(body, Problem.class));
            } catch (JsonProcessingException notAProblem) {
                // Fall through: report the status rather than a parse error nobody can act on.
            }
        }
        String detail = !body.isEmpty() && body.length() <= MAX_PLAIN_DETAIL && !body.startsWith("<")
                ? body
                : "The server answered HTTP " + status + " without a problem description.";
        return new ProblemException(status, new Problem(null, null, status, detail, null, null));
    }

    public int status() {
        return status;
    }

    public Problem problem() {
        return problem;
    }

    static String reasonPhrase(int status) {
        return REASONS.getOrDefault(status, "HTTP " + status);
    }

    private static int exitCodeFor(int status) {
        return switch (status) {
            case 401 -> ExitCode.NOT_SIGNED_IN;
            case 403 -> ExitCode.FORBIDDEN;
            default -> ExitCode.FAILURE;
        };
    }

    private static String message(int status, Problem problem) {
        String text = problem.render(reasonPhrase(status));
        // The server cannot know the recovery step is a CLI command, so we add it.
        return status == 401 ? text + System.lineSeparator() + "Sign in again with: tessera login" : text;
    }
}
