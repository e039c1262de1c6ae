package org.tessera.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tessera.cli.client.CliException;
import org.tessera.cli.client.ExitCode;
import org.tessera.cli.client.TesseraApiClient;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code tessera deployments}: projects served as apps and APIs at /apps/. */
@Command(name = "deployments",
        description = "Deploy projects and manage their deployments: status, logs, sharing, tokens, versions and traffic split.",
        subcommands = {DeploymentsCommand.Create.class, DeploymentsCommand.ListDeployments.class, DeploymentsCommand.Show.class,
            DeploymentsCommand.Logs.class, DeploymentsCommand.Share.class, DeploymentsCommand.Tokens.class, DeploymentsCommand.Versions.class,
            DeploymentsCommand.Split.class, DeploymentsCommand.Restart.class, DeploymentsCommand.Redeploy.class, DeploymentsCommand.Terminate.class})
final class DeploymentsCommand {

    static final String PATH = "/api/v1/deployments";

    @ParentCommand
    TesseraCli root;

    TesseraApiClient api() {
        return root.api();
    }

    PrintWriter out() {
        return root.out();
    }

    String url(JsonNode deployment) {
        return root.context().site(root.site).url() + deployment.path("url").asText();
    }

    JsonNode get(String id) {
        TesseraApiClient api = api();
        return api.read(api.get(PATH + "/" + id), JsonNode.class, PATH);
    }

    void describe(JsonNode d) {
        PrintWriter out = out();
        out.println(d.path("name").asText() + " (" + d.path("id").asText() + ") " + d.path("status").asText() + " at " + url(d)
                + (d.path("public").asBoolean() ? "  public" : "  private"));
        out.println("  project " + d.path("project").asText() + ", command " + d.path("command").asText() + ", profile " + d.path("resourceProfile").asText()
                + ", owner " + d.path("owner").asText());
        for (JsonNode v : d.path("versions")) {
            String route = v.path("group").isNull() || v.path("group").asText().isEmpty() ? v.path("weight").asText() + "%" : "group " + v.path("group").asText();
            out.printf("  version %-16s %-14s %-6s %-9s %6d requests  %s%n", v.path("id").asText(), v.path("label").asText(), route, v.path("status").asText(),
                    v.path("requests").asLong(), v.path("reason").isNull() ? "" : v.path("reason").asText(""));
            v.path("lastLines").forEach(line -> out.println("    | " + line.asText()));
        }
        for (JsonNode s : d.path("shares")) {
            out.println("  shared with " + s.path("kind").asText() + " " + s.path("name").asText());
        }
        d.path("variables").properties().forEach(v -> out.println("  variable " + v.getKey() + "=" + v.getValue().asText()));
    }

    @Command(name = "create", description = "Deploy a project and print its URL.")
    static final class Create implements Callable<Integer> {
        @ParentCommand
        DeploymentsCommand deployments;

        @Parameters(index = "0", paramLabel = "PROJECT_ID", description = "The project's id, from: tessera projects list")
        String projectId;

        @Parameters(index = "1", paramLabel = "NAME", description = "Unique; lowercase letters, digits and dashes.")
        String name;

        @Option(names = "--command", paramLabel = "NAME", description = "A command of anaconda-project.yml (default: the default one).")
        String command;

        @Option(names = "--revision", paramLabel = "REV", description = "A version (tag), branch or commit (default: the latest commit).")
        String revision;

        @Option(names = "--profile", paramLabel = "NAME", description = "A resource profile; see: tessera sessions profiles")
        String profile;

        @Option(names = "--public", description = "Every signed-in user may open it (default: private).")
        boolean isPublic;

        @Option(names = "--static-url", paramLabel = "PATH", description = "Serve at /apps/PATH/ instead of /apps/NAME/.")
        String staticUrl;

        @Option(names = "--env", paramLabel = "NAME=VALUE", description = "An environment variable for the app, over the project's defaults; repeat for more.")
        Map<String, String> variables;

        @Option(names = "--wait", description = "Wait until it serves (or fails), up to 3 minutes.")
        boolean await;

        @Override
        public Integer call() throws InterruptedException {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", name);
            body.put("command", command);
            body.put("revision", revision);
            body.put("resourceProfile", profile);
            body.put("public", isPublic);
            body.put("staticUrl", staticUrl);
            body.put("variables", variables);
            TesseraApiClient api = deployments.api();
            String path = "/api/v1/projects/" + projectId + "/deployments";
            JsonNode deployment = api.read(api.post(path, body), JsonNode.class, path);
            String id = deployment.path("id").asText();
            long deadline = System.nanoTime() + 180_000_000_000L;
            while (await && deployment.path("status").asText().matches("pending|starting") && System.nanoTime() < deadline) {
                Thread.sleep(1000);
                deployment = deployments.get(id);
            }
            deployments.describe(deployment);
            if (deployment.path("status").asText().equals("failed")) {
                throw new CliException("The deployment failed; see: tessera deployments logs " + id);
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "list", description = "List your deployments and those shared with you (--all: everyone's, for administrators).")
    static final class ListDeployments implements Callable<Integer> {
        @ParentCommand
        DeploymentsCommand deployments;

        @Option(names = "--all")
        boolean all;

        @Option(names = "--project", paramLabel = "PROJECT_ID", description = "Only this project's deployments.")
        String projectId;

        @Option(names = "--json", description = "Print the server's JSON answer as it came.")
        boolean json;

        @Override
        public Integer call() {
            TesseraApiClient api = deployments.api();
            String path = projectId != null ? "/api/v1/projects/" + projectId + "/deployments" : PATH + (all ? "?all=true" : "");
            String body = api.get(path);
            PrintWriter out = deployments.out();
            if (json) {
                out.println(body);
                return ExitCode.OK;
            }
            out.printf("%-16s  %-24s  %-28s  %-12s  %-8s  %-9s  %s%n", "ID", "NAME", "PROJECT", "OWNER", "ACCESS", "STATUS", "URL");
            for (JsonNode d : api.read(body, JsonNode.class, path)) {
                out.printf("%-16s  %-24s  %-28s  %-12s  %-8s  %-9s  %s%n", d.path("id").asText(), d.path("name").asText(), d.path("project").asText(),
                        d.path("owner").asText(), d.path("public").asBoolean() ? "public" : "private", d.path("status").asText(), d.path("url").asText());
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "show", description = "Show a deployment: status, URL, versions with their traffic, shares.")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        DeploymentsCommand deployments;

        @Parameters(paramLabel = "ID")
        String id;

        @Override
        public Integer call() {
            deployments.describe(deployments.get(id));
            return ExitCode.OK;
        }
    }

    @Command(name = "logs", description = "Print the last lines of a deployment's output, the app log (-f: follow it).")
    static final class Logs implements Callable<Integer> {
        @ParentCommand
        DeploymentsCommand deployments;

        @Parameters(paramLabel = "ID")
        String id;

        @Option(names = "--version", paramLabel = "VERSION_ID", description = "Which version (default: the first).")
        String version;

        @Option(names = {"-n", "--lines"}, defaultValue = "100", paramLabel = "N")
        int lines;

        @Option(names = {"-f", "--follow"}, description = "Print the whole output, then new lines as they come, until the version ends (Ctrl-C to leave).")
        boolean follow;

        @Override
        public Integer call() {
            TesseraApiClient api = deployments.api();
            if (follow) {
                PrintWriter out = deployments.out();
                api.follow(PATH + "/" + id + "/logs?follow=true" + (version == null ? "" : "&version=" + version), line -> {
                    out.println(line);
                    out.flush();
                });
                return ExitCode.OK;
            }
            String path = PATH + "/" + id + "/logs?lines=" + lines + (version == null ? "" : "&version=" + version);
            api.read(api.get(path), JsonNode.class, path).path("lines").forEach(line -> deployments.out().println(line.asText()));
            return ExitCode.OK;
        }
    }

    @Command(name = "share", description = "Share with a user or a group, stop sharing (--remove), or make it public or private.")
    static final class Share implements Callable<Integer> {
        @ParentCommand
        DeploymentsCommand deployments;

        @Parameters(index = "0", paramLabel = "ID")
        String id;

        static final class Target {
            @Option(names = "--user", paramLabel = "NAME")
            String user;

            @Option(names = "--group", paramLabel = "NAME")
            String group;

            @Option(names = "--public", description = "Every signed-in user may open it.")
            boolean makePublic;

            @Option(names = "--private", description = "Only the owner, collaborators, shares and token holders.")
            boolean makePrivate;
        }

        @ArgGroup(exclusive = true, multiplicity = "1")
        Target target;

        @Option(names = "--remove", description = "Stop sharing with the user or group.")
        boolean remove;

        @Override
        public Integer call() {
            TesseraApiClient api = deployments.api();
            if (target.makePublic || target.makePrivate) {
                api.put(PATH + "/" + id + "/visibility", Map.of("public", target.makePublic));
                deployments.out().println("Deployment " + id + " is " + (target.makePublic ? "public" : "private") + " now.");
                return ExitCode.OK;
            }
            String kind = target.user != null ? "user" : "group";
            String name = target.user != null ? target.user : target.group;
            if (remove) {
                api.delete(PATH + "/" + id + "/shares/" + kind + "/" + name);
                deployments.out().println("No longer shared with " + kind + " " + name + ".");
            } else {
                api.post(PATH + "/" + id + "/shares", Map.of("kind", kind, "name", name));
                deployments.out().println("Shared with " + kind + " " + name + ".");
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "tokens", description = "List a deployment's tokens, generate one (--create), or revoke one (--revoke TOKEN_ID).")
    static final class Tokens implements Callable<Integer> {
        @ParentCommand
        DeploymentsCommand deployments;

        @Parameters(paramLabel = "ID")
        String id;

        @Option(names = "--create", description = "Generate a token and print it (shown once).")
        boolean create;

        @Option(names = "--days", defaultValue = "30", paramLabel = "N", description = "Days until a new token expires (default 30).")
        int days;

        @Option(names = "--revoke", paramLabel = "TOKEN_ID")
        String revoke;

        @Override
        public Integer call() {
            TesseraApiClient api = deployments.api();
            PrintWriter out = deployments.out();
            String path = PATH + "/" + id + "/tokens";
            if (create) {
                JsonNode token = api.read(api.post(path, Map.of("expiresInDays", days)), JsonNode.class, path);
                out.println(token.path("token").asText());
                out.println("Token " + token.path("id").asText() + " expires " + token.path("expiresAt").asText() + ". Copy it now; it is not shown again.");
                out.println("Use: curl -L -H \"Authorization: Bearer $TOKEN\" " + deployments.url(deployments.get(id)));
                return ExitCode.OK;
            }
            if (revoke != null) {
                api.delete(path + "/" + revoke);
                out.println("Revoked token " + revoke + ".");
                return ExitCode.OK;
            }
            out.printf("%-16s  %-12s  %-27s  %-27s  %s%n", "ID", "BY", "CREATED", "EXPIRES", "STATE");
            for (JsonNode t : api.read(api.get(path), JsonNode.class, path)) {
                out.printf("%-16s  %-12s  %-27s  %-27s  %s%n", t.path("id").asText(), t.path("createdBy").asText(), t.path("createdAt").asText(),
                        t.path("expiresAt").asText(), t.path("revokedAt").isNull() ? "live" : "revoked");
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "versions", description = "Add a version of the project (--add REV), with no traffic until split, or remove one (--remove VERSION_ID).")
    static final class Versions implements Callable<Integer> {
        @ParentCommand
        DeploymentsCommand deployments;

        @Parameters(paramLabel = "ID")
        String id;

        static final class Change {
            @Option(names = "--add", paramLabel = "REV")
            String add;

            @Option(names = "--remove", paramLabel = "VERSION_ID")
            String remove;
        }

        @ArgGroup(exclusive = true, multiplicity = "1")
        Change change;

        @Override
        public Integer call() {
            TesseraApiClient api = deployments.api();
            String path = PATH + "/" + id + "/versions";
            if (change.add != null) {
                deployments.describe(api.read(api.post(path, Map.of("revision", change.add)), JsonNode.class, path));
            } else {
                api.delete(path + "/" + change.remove);
                deployments.describe(deployments.get(id));
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "split", description = "Route traffic between versions: LABEL=WEIGHT for everyone (adding up to 100), LABEL@GROUP for a group's members.")
    static final class Split implements Callable<Integer> {
        @ParentCommand
        DeploymentsCommand deployments;

        @Parameters(index = "0", paramLabel = "ID")
        String id;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "ROUTE", description = "e.g. v1=90 v2=10, or beta@testers")
        List<String> routes;

        @Override
        public Integer call() {
            List<Map<String, Object>> body = new ArrayList<>();
            for (String route : routes) {
                Map<String, Object> entry = new LinkedHashMap<>();
                if (route.contains("@")) {
                    entry.put("version", route.substring(0, route.indexOf('@')));
                    entry.put("group", route.substring(route.indexOf('@') + 1));
                } else if (route.contains("=")) {
                    entry.put("version", route.substring(0, route.indexOf('=')));
                    try {
                        entry.put("weight", Integer.parseInt(route.substring(route.indexOf('=') + 1)));
                    } catch (NumberFormatException e) {
                        throw new CliException("'" + route + "': the weight after = is a whole percentage, like v1=90.");
                    }
                } else {
                    throw new CliException("'" + route + "' is not a route; write LABEL=WEIGHT or LABEL@GROUP, like v1=90 v2=10.");
                }
                body.add(entry);
            }
            TesseraApiClient api = deployments.api();
            String path = PATH + "/" + id + "/split";
            deployments.describe(api.read(api.put(path, Map.of("routes", body)), JsonNode.class, path));
            return ExitCode.OK;
        }
    }

    @Command(name = "restart", description = "Restart every version of a deployment.")
    static final class Restart implements Callable<Integer> {
        @ParentCommand
        DeploymentsCommand deployments;

        @Parameters(paramLabel = "ID")
        String id;

        @Override
        public Integer call() {
            TesseraApiClient api = deployments.api();
            String path = PATH + "/" + id + "/restart";
            deployments.describe(api.read(api.post(path, Map.of()), JsonNode.class, path));
            return ExitCode.OK;
        }
    }

    @Command(name = "redeploy", description = "Serve another version of the project at the same URL, with the same tokens and shares.")
    static final class Redeploy implements Callable<Integer> {
        @ParentCommand
        DeploymentsCommand deployments;

        @Parameters(index = "0", paramLabel = "ID")
        String id;

        @Parameters(index = "1", arity = "0..1", paramLabel = "REV", description = "A version (tag), branch or commit (default: the latest commit).")
        String revision;

        @Option(names = "--env", paramLabel = "NAME=VALUE", description = "Replace the deployment's environment variables with these (default: keep them); repeat for more.")
        Map<String, String> variables;

        @Option(names = "--clear-env", description = "Remove all of the deployment's environment variables.")
        boolean clearVariables;

        @Override
        public Integer call() {
            TesseraApiClient api = deployments.api();
            String path = PATH + "/" + id + "/redeploy";
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("revision", revision);
            if (clearVariables && variables != null) {
                throw new CliException("Use --env or --clear-env, not both.");
            }
            body.put("variables", clearVariables ? Map.of() : variables);
            deployments.describe(api.read(api.post(path, body), JsonNode.class, path));
            return ExitCode.OK;
        }
    }

    @Command(name = "terminate", description = "Terminate a deployment: it stops, its URL and tokens stop working; the project stays.")
    static final class Terminate implements Callable<Integer> {
        @ParentCommand
        DeploymentsCommand deployments;

        @Parameters(paramLabel = "ID")
        String id;

        @Override
        public Integer call() {
            deployments.api().delete(PATH + "/" + id);
            deployments.out().println("Terminated deployment " + id + ".");
            return ExitCode.OK;
        }
    }
}
