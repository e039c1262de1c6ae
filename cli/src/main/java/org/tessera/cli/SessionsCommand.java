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
            SessionsCommand.Restart.class, SessionsCommand.Logs.class, SessionsCommand.Profiles.class})
final class SessionsCommand {

    static final String PATH = "/api/v1/sessions";

    @ParentCommand
    TesseraCli root;

    TesseraApiClient api() {
        return root.api();
    }

    PrintWriter out() {
        return root.out();
    }

    static final String ROW = "%-16s  %-28s  %-12s  %-10s  %-10s  %-8s  %-8s  %-12s  %-8s  %s%n";

    static void header(PrintWriter out) {
        out.printf(ROW, "ID", "PROJECT", "OWNER", "PROFILE", "STATUS", "AGE", "CPU", "MEMORY", "LIMITS", "REASON");
    }

    static void row(PrintWriter out, JsonNode s) {
        out.printf(ROW, s.path("id").asText(), s.path("project").asText(), s.path("owner").asText(),
                s.path("resourceProfile").asText(), s.path("status").asText(), age(s.path("createdAt").asText()),
                s.path("cpuCores").isNumber() ? String.format(java.util.Locale.ROOT, "%.2f", s.path("cpuCores").asDouble()) : "-",
                s.path("memoryBytes").isNumber() ? String.format(java.util.Locale.ROOT, "%.0f MiB", s.path("memoryBytes").asDouble() / 1048576) : "-",
                s.path("limits").asText(""), s.path("reason").isNull() ? "" : s.path("reason").asText(""));
    }

    /** "42m", "3h05m", "2d04h" since an ISO instant; "" when it cannot be read. */
    static String age(String createdAt) {
        try {
            long minutes = java.time.Duration.between(java.time.Instant.parse(createdAt), java.time.Instant.now()).toMinutes();
            return minutes < 60 ? minutes + "m" : minutes < 1440 ? String.format("%dh%02dm", minutes / 60, minutes % 60) : String.format("%dd%02dh", minutes / 1440, minutes % 1440 / 60);
        } catch (RuntimeException e) {
            return "";
        }
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
            header(out);
            for (JsonNode session : api.read(body, JsonNode.class, PATH)) {
                row(out, session);
            }
            out.println("CPU in cores (recent average) and memory as the runtime reports them; - : not reported. LIMITS: enforced (cgroup, kubelet) or advisory (prlimit).");
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

    @Command(name = "restart", description = "Restart a session's editor; files not committed stay (local runtime), open kernels end.")
    static final class Restart implements Callable<Integer> {
        @ParentCommand
        SessionsCommand sessions;

        @Parameters(paramLabel = "ID")
        String id;

        @Override
        public Integer call() {
            TesseraApiClient api = sessions.api();
            String path = PATH + "/" + id + "/restart";
            JsonNode session = api.read(api.post(path, java.util.Map.of()), JsonNode.class, path);
            sessions.out().println("Restarted session " + id + ": " + session.path("status").asText() + ".");
            return ExitCode.OK;
        }
    }

    @Command(name = "logs", description = "Print the last lines of a session's output (-f: follow it until the session ends).")
    static final class Logs implements Callable<Integer> {
        @ParentCommand
        SessionsCommand sessions;

        @Parameters(paramLabel = "ID")
        String id;

        @Option(names = {"-n", "--lines"}, defaultValue = "100", paramLabel = "N")
        int lines;

        @Option(names = {"-f", "--follow"}, description = "Print the whole output, then new lines as they come, until the session ends (Ctrl-C to leave).")
        boolean follow;

        @Override
        public Integer call() {
            TesseraApiClient api = sessions.api();
            if (follow) {
                PrintWriter out = sessions.out();
                api.follow(PATH + "/" + id + "/logs?follow=true", line -> {
                    out.println(line);
                    out.flush();
                });
                return ExitCode.OK;
            }
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
