package org.tessera.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tessera.cli.client.CliException;
import org.tessera.cli.client.ExitCode;
import org.tessera.cli.client.TesseraApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code tessera sessions}: editor sessions on projects. */
@Command(name = "sessions",
        description = "Start, list, stop editor sessions and read their logs.",
        subcommands = {SessionsCommand.Start.class, SessionsCommand.ListSessions.class, SessionsCommand.Stop.class,
            SessionsCommand.Logs.class, SessionsCommand.Profiles.class})
final class SessionsCommand {

    static final String PATH = "/api/v1/sessions";

    @ParentCommand
    TesseraCli root;

    TesseraApiClient api() {
        CliContext context = root.context();
        return context.api(context.site(root.site));
    }

    PrintWriter out() {
        return root.context().out();
    }

    static void row(PrintWriter out, JsonNode s) {
        out.printf("%-16s  %-28s  %-12s  %-10s  %-10s  %s%n", s.path("id").asText(), s.path("project").asText(), s.path("owner").asText(),
                s.path("resourceProfile").asText(), s.path("status").asText(), s.path("reason").isNull() ? "" : s.path("reason").asText(""));
    }

    @Command(name = "start", description = "Start a session on a project and print its URL.")
    static final class Start implements Callable<Integer> {
        @ParentCommand
        SessionsCommand sessions;

        @Parameters(paramLabel = "PROJECT_ID", description = "The project's id, from: tessera projects list")
        String projectId;

        @Option(names = "--editor", paramLabel = "KEY", description = "notebook (default), jupyterlab or zeppelin, if installed.")
        String editor;

        @Option(names = "--profile", paramLabel = "NAME", description = "A resource profile (default: the default profile); see: tessera sessions profiles")
        String profile;

        @Option(names = "--wait", description = "Wait until the session runs (or fails), up to 3 minutes.")
        boolean await;

        @Override
        public Integer call() throws InterruptedException {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("editor", editor);
            body.put("resourceProfile", profile);
            TesseraApiClient api = sessions.api();
            String path = "/api/v1/projects/" + projectId + "/sessions";
            JsonNode session = api.read(api.post(path, body), JsonNode.class, path);
            String id = session.path("id").asText();
            long deadline = System.nanoTime() + 180_000_000_000L;
            while (await && session.path("status").asText().matches("pending|starting") && System.nanoTime() < deadline) {
                Thread.sleep(1000);
                session = api.read(api.get(PATH + "/" + id), JsonNode.class, PATH);
            }
            sessions.out().println("Session " + id + " " + session.path("status").asText() + ": " + sessions.root.context().site(sessions.root.site).url() + session.path("url").asText());
            if (session.path("status").asText().equals("failed")) {
                throw new CliException("The session failed: " + session.path("reason").asText() + ". See: tessera sessions logs " + id);
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "list", description = "List your sessions (--all: everyone's, for administrators).")
    static final class ListSessions implements Callable<Integer> {
        @ParentCommand
        SessionsCommand sessions;

        @Option(names = "--all")
        boolean all;

        @Option(names = "--json", description = "Print the server's JSON answer as it came.")
        boolean json;

        @Override
        public Integer call() {
            TesseraApiClient api = sessions.api();
            String body = api.get(PATH + (all ? "?all=true" : ""));
            PrintWriter out = sessions.out();
            if (json) {
                out.println(body);
                return ExitCode.OK;
            }
            out.printf("%-16s  %-28s  %-12s  %-10s  %-10s  %s%n", "ID", "PROJECT", "OWNER", "PROFILE", "STATUS", "REASON");
            for (JsonNode session : api.read(body, JsonNode.class, PATH)) {
                row(out, session);
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "stop", description = "Stop a session; changes that are not committed are lost.")
    static final class Stop implements Callable<Integer> {
        @ParentCommand
        SessionsCommand sessions;

        @Parameters(paramLabel = "ID")
        String id;

        @Override
        public Integer call() {
            sessions.api().delete(PATH + "/" + id);
            sessions.out().println("Stopped session " + id + ".");
            return ExitCode.OK;
        }
    }

    @Command(name = "logs", description = "Print the last lines of a session's output.")
    static final class Logs implements Callable<Integer> {
        @ParentCommand
        SessionsCommand sessions;

        @Parameters(paramLabel = "ID")
        String id;

        @Option(names = {"-n", "--lines"}, defaultValue = "100", paramLabel = "N")
        int lines;

        @Override
        public Integer call() {
            TesseraApiClient api = sessions.api();
            String path = PATH + "/" + id + "/logs?lines=" + lines;
            api.read(api.get(path), JsonNode.class, path).path("lines").forEach(line -> sessions.out().println(line.asText()));
            return ExitCode.OK;
        }
    }

    @Command(name = "profiles", description = "List the resource profiles you can choose.")
    static final class Profiles implements Callable<Integer> {
        @ParentCommand
        SessionsCommand sessions;

        @Override
        public Integer call() {
            TesseraApiClient api = sessions.api();
            String path = "/api/v1/resource-profiles";
            PrintWriter out = sessions.out();
            out.printf("%-20s  %-6s  %-8s  %-4s  %-8s  %s%n", "NAME", "CPU", "MEMORY", "GPUS", "DEFAULT", "DESCRIPTION");
            for (JsonNode p : api.read(api.get(path), JsonNode.class, path)) {
                out.printf("%-20s  %-6s  %-8s  %-4s  %-8s  %s%n", p.path("name").asText(), p.path("cpu").asText(), p.path("memory").asText(),
                        p.path("gpus").asText(), p.path("isDefault").asBoolean() ? "yes" : "", p.path("description").asText());
            }
            return ExitCode.OK;
        }
    }
}
