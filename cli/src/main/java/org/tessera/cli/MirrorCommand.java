package org.tessera.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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

/**
 * {@code tessera mirror}: the seed's {@code cas-sync-api-v5 --file FILE [-c]} and
 * {@code anaconda-enterprise-cli mirror pypi --config FILE}, run by the server as tracked runs.
 */
@Command(name = "mirror",
        description = "Mirror conda channels or a PyPI index into a Tessera channel, and follow, list, show or cancel mirror runs.",
        subcommands = {MirrorCommand.Conda.class, MirrorCommand.Pypi.class, MirrorCommand.ListRuns.class, MirrorCommand.Show.class, MirrorCommand.Cancel.class,
            MirrorCommand.Export.class})
final class MirrorCommand {

    static final String PATH = "/api/v1/mirrors";
    static long pollMillis = 2000;

    @ParentCommand
    TesseraCli root;

    TesseraApiClient api() {
        return root.api();
    }

    PrintWriter out() {
        return root.out();
    }

    /** Starts a run and, unless told not to, prints its progress until it finishes; fails unless it succeeded. */
    int start(String type, Path config, boolean clean, boolean noWait) throws InterruptedException {
        String yaml;
        try {
            yaml = Files.readString(config);
        } catch (NoSuchFileException e) {
            throw new CliException("Cannot read " + config + ": no such file. Pass the mirror YAML with --config FILE.");
        } catch (IOException e) {
            throw new CliException("Cannot read " + config + ": " + e.getMessage());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("config", yaml);
        body.put("clean", clean);
        TesseraApiClient api = api();
        JsonNode run = api.read(api.post(PATH, body), JsonNode.class, PATH);
        String id = run.path("id").asText();
        out().println("Mirror run " + id + " started: " + type + " into channel " + run.path("destChannel").asText() + ".");
        if (noWait) {
            out().println("Follow it with: tessera mirror show " + id);
            return ExitCode.OK;
        }
        String last = "";
        while (true) {
            run = get(id);
            String line = progress(run);
            if (!line.equals(last)) {
                out().println(line);
                last = line;
            }
            String status = run.path("status").asText();
            if (!status.equals("queued") && !status.equals("running")) {
                break;
            }
            Thread.sleep(pollMillis);
        }
        return finished(run);
    }

    JsonNode get(String id) {
        TesseraApiClient api = api();
        String path = PATH + "/" + id;
        return api.read(api.get(path), JsonNode.class, path);
    }

    static String progress(JsonNode run) {
        JsonNode p = run.path("progress");
        return run.path("status").asText() + ": " + p.path("done").asInt() + " published, " + p.path("skipped").asInt() + " already there, "
                + p.path("failed").asInt() + " failed" + (p.path("removed").asInt() > 0 ? ", " + p.path("removed").asInt() + " removed" : "")
                + " of " + p.path("total").asInt();
    }

    int finished(JsonNode run) {
        for (JsonNode result : run.path("results")) {
            if (result.path("outcome").asText().equals("failed")) {
                out().println("  failed  " + result.path("file").asText() + ": " + result.path("message").asText());
            }
        }
        if (!run.path("message").isNull() && !run.path("message").asText().isEmpty()) {
            out().println(run.path("message").asText());
        }
        String status = run.path("status").asText();
        if (status.equals("succeeded")) {
            return ExitCode.OK;
        }
        throw new CliException("Mirror run " + run.path("id").asText() + " " + status + "; see its log: tessera mirror show " + run.path("id").asText() + " --logs");
    }

    @Command(name = "conda", description = "Mirror conda channels as the YAML says (dest_channel, channels, platforms, pkg_list, python_versions, license_blacklist, blacklist, whitelist).")
    static final class Conda implements Callable<Integer> {
        @ParentCommand
        MirrorCommand mirror;

        @Option(names = {"--config", "--file"}, required = true, paramLabel = "FILE", description = "The mirror YAML.")
        Path config;

        @Option(names = {"-c", "--clean"}, description = "Also remove packages that upstream removed since the last mirror (blacklisted packages are kept).")
        boolean clean;

        @Option(names = "--no-wait", description = "Return once the run is queued instead of following it.")
        boolean noWait;

        @Override
        public Integer call() throws InterruptedException {
            return mirror.start("conda", config, clean, noWait);
        }
    }

    @Command(name = "pypi", description = "Mirror a PyPI index as the YAML says (user, pkg_list, whitelist, blacklist, latest_only, remote_url, simple_index_url).")
    static final class Pypi implements Callable<Integer> {
        @ParentCommand
        MirrorCommand mirror;

        @Option(names = {"--config", "--file"}, required = true, paramLabel = "FILE", description = "The mirror YAML.")
        Path config;

        @Option(names = "--no-wait", description = "Return once the run is queued instead of following it.")
        boolean noWait;

        @Override
        public Integer call() throws InterruptedException {
            return mirror.start("pypi", config, false, noWait);
        }
    }

    @Command(name = "list", description = "List your mirror runs, newest first (administrators: everyone's).")
    static final class ListRuns implements Callable<Integer> {
        @ParentCommand
        MirrorCommand mirror;

        @Option(names = "--json", description = "Print the server's JSON answer as it came.")
        boolean json;

        @Override
        public Integer call() {
            TesseraApiClient api = mirror.api();
            String body = api.get(PATH);
            PrintWriter out = mirror.out();
            if (json) {
                out.println(body);
                return ExitCode.OK;
            }
            out.printf("%-16s  %-5s  %-20s  %-10s  %-12s  %s%n", "ID", "TYPE", "CHANNEL", "STATUS", "PROGRESS", "CREATED");
            for (JsonNode run : api.read(body, JsonNode.class, PATH)) {
                JsonNode p = run.path("progress");
                out.printf("%-16s  %-5s  %-20s  %-10s  %-12s  %s%n", run.path("id").asText(), run.path("type").asText(), run.path("destChannel").asText(),
                        run.path("status").asText(), (p.path("done").asInt() + p.path("skipped").asInt()) + "/" + p.path("total").asInt()
                                + (p.path("failed").asInt() > 0 ? " (" + p.path("failed").asInt() + "!)" : ""), run.path("createdAt").asText());
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "show", description = "Show a run's progress and per-file results; --logs prints its log, --follow follows it until the run ends.")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        MirrorCommand mirror;

        @Parameters(paramLabel = "ID")
        String id;

        @Option(names = "--logs", description = "Print the run's log instead.")
        boolean logs;

        @Option(names = {"-f", "--follow"}, description = "With --logs: keep printing until the run finishes.")
        boolean follow;

        @Option(names = "--json", description = "Print the server's JSON answer as it came.")
        boolean json;

        @Override
        public Integer call() {
            TesseraApiClient api = mirror.api();
            PrintWriter out = mirror.out();
            if (logs) {
                api.follow(PATH + "/" + id + "/logs" + (follow ? "?follow=true" : ""), out::println);
                return ExitCode.OK;
            }
            String path = PATH + "/" + id;
            String body = api.get(path);
            if (json) {
                out.println(body);
                return ExitCode.OK;
            }
            JsonNode run = api.read(body, JsonNode.class, path);
            out.println(run.path("type").asText() + " mirror " + run.path("id").asText() + " into " + run.path("destChannel").asText() + " by "
                    + run.path("owner").asText() + (run.path("clean").asBoolean() ? " (clean)" : ""));
            out.println(progress(run));
            for (JsonNode result : run.path("results")) {
                out.printf("  %-9s %s%s%n", result.path("outcome").asText(), result.path("file").asText(),
                        result.path("message").isNull() ? "" : ": " + result.path("message").asText());
            }
            if (!run.path("message").isNull()) {
                out.println(run.path("message").asText());
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "cancel", description = "Cancel a run: it stops after the file it is copying; what it published stays.")
    static final class Cancel implements Callable<Integer> {
        @ParentCommand
        MirrorCommand mirror;

        @Parameters(paramLabel = "ID")
        String id;

        @Override
        public Integer call() {
            TesseraApiClient api = mirror.api();
            String path = PATH + "/" + id + "/cancel";
            JsonNode run = api.read(api.post(path, Map.of()), JsonNode.class, path);
            mirror.out().println("Mirror run " + id + " is " + (run.path("status").asText().equals("cancelled") ? "cancelled." : "cancelling: it stops after the current file."));
            return ExitCode.OK;
        }
    }

    @Command(name = "export", description = "Write what a run brought into its channel to one .tar archive, for 'tessera channels import' on an air-gapped Tessera.")
    static final class Export implements Callable<Integer> {
        @ParentCommand
        MirrorCommand mirror;

        @Parameters(paramLabel = "ID")
        String id;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where to write the archive (default: mirror-ID.tar).")
        Path output;

        @Override
        public Integer call() {
            Path target = output != null ? output : Path.of("mirror-" + id + ".tar");
            mirror.api().download(PATH + "/" + id + "/export", target);
            mirror.out().println("Exported mirror run " + id + " to " + target + "; import it with: tessera channels import " + target);
            return ExitCode.OK;
        }
    }
}
