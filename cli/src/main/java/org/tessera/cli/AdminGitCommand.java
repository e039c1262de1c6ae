package org.tessera.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tessera.cli.client.CliException;
import org.tessera.cli.client.ExitCode;
import org.tessera.cli.client.TesseraApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code tessera admin git}: the external git service projects are mirrored to, and migrating to it. */
@Command(name = "git",
        description = "Show and set the external git service projects are mirrored to, and migrate existing projects to it.",
        subcommands = {AdminGitCommand.Show.class, AdminGitCommand.Set.class, AdminGitCommand.Remove.class, AdminGitCommand.Migrate.class})
final class AdminGitCommand {

    static final String PATH = "/api/v1/admin/external-git";
    static final List<String> FIELDS = List.of("type", "url", "credentialUrl", "repository", "organization", "username", "enabled");

    @ParentCommand
    AdminCommand admin;

    TesseraApiClient api() {
        return admin.root.api();
    }

    PrintWriter out() {
        return admin.root.out();
    }

    void print(JsonNode settings) {
        if (!settings.path("configured").asBoolean()) {
            out().println("No external git service is configured; set one with: tessera admin git set --type generic --url URL");
            return;
        }
        for (String field : FIELDS) {
            JsonNode value = settings.path(field);
            out().printf("%-14s %s%n", field + ":", value.isNull() || value.isMissingNode() ? "" : value.asText());
        }
        out().printf("%-14s %s%n", "authToken:", settings.path("authTokenSet").asBoolean() ? "(stored)" : "(none)");
    }

    @Command(name = "show", description = "Show the setting (never the token).")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        AdminGitCommand git;

        @Option(names = "--json", description = "Print the server's JSON answer as it came.")
        boolean json;

        @Override
        public Integer call() {
            TesseraApiClient api = git.api();
            String body = api.get(PATH);
            if (json) {
                git.out().println(body);
            } else {
                git.print(api.read(body, JsonNode.class, PATH));
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "set", description = "Change the setting; options left out keep their current values.")
    static final class Set implements Callable<Integer> {
        @ParentCommand
        AdminGitCommand git;

        @Option(names = "--type", paramLabel = "TYPE", description = "generic, github-v3-api or gitlab-v4-api.")
        String type;

        @Option(names = "--url", paramLabel = "URL", description = "The service's URL (for the API types: the API's URL).")
        String url;

        @Option(names = "--credential-url", paramLabel = "URL", description = "The URL to clone and push under (default for generic: --url).")
        String credentialUrl;

        @Option(names = "--repository", paramLabel = "TEMPLATE", description = "Repository name template with {owner}, {id}, {name} (default '{owner}-{id}').")
        String repository;

        @Option(names = "--organization", paramLabel = "ORG", description = "Organization or group the repositories live in.")
        String organization;

        @Option(names = "--username", paramLabel = "USER", description = "User name for pushing and fetching.")
        String username;

        @Option(names = "--auth-token-stdin", description = "Read the access token from the first line of standard input.")
        boolean tokenFromStdin;

        @Option(names = "--enabled", paramLabel = "true|false", arity = "1", description = "Switch mirroring on or off.")
        Boolean enabled;

        @Override
        public Integer call() {
            TesseraApiClient api = git.api();
            JsonNode current = api.read(api.get(PATH), JsonNode.class, PATH);
            Map<String, Object> body = new LinkedHashMap<>();
            for (String field : FIELDS) {
                JsonNode value = current.path(field);
                body.put(field, value.isNull() || value.isMissingNode() ? null : field.equals("enabled") ? (Object) value.asBoolean() : value.asText());
            }
            if (!current.path("configured").asBoolean()) {
                body.put("enabled", true);
            }
            putIfGiven(body, "type", type);
            putIfGiven(body, "url", url);
            putIfGiven(body, "credentialUrl", credentialUrl);
            putIfGiven(body, "repository", repository);
            putIfGiven(body, "organization", organization);
            putIfGiven(body, "username", username);
            if (enabled != null) {
                body.put("enabled", enabled);
            }
            if (tokenFromStdin) {
                body.put("authToken", readToken());
            }
            JsonNode saved = api.read(api.put(PATH, body), JsonNode.class, PATH);
            git.out().println("Saved the external git setting.");
            git.print(saved);
            return ExitCode.OK;
        }

        private static void putIfGiven(Map<String, Object> body, String field, String value) {
            if (value != null) {
                body.put(field, value.isEmpty() ? null : value);
            }
        }

        private String readToken() {
            try {
                String line = new BufferedReader(new InputStreamReader(git.admin.root.context().in(), StandardCharsets.UTF_8)).readLine();
                if (line == null || line.isBlank()) {
                    throw new CliException("No token on standard input; pipe it in, e.g. printf '%s\\n' \"$TOKEN\" | tessera admin git set --auth-token-stdin");
                }
                return line.strip();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Command(name = "remove", description = "Switch mirroring off and forget the setting and its token.")
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        AdminGitCommand git;

        @Override
        public Integer call() {
            git.api().delete(PATH);
            git.out().println("External git is switched off; projects now live only in Tessera.");
            return ExitCode.OK;
        }
    }

    @Command(name = "migrate", description = "Push every project with all branches and tags to the external service; exits 1 if any failed.")
    static final class Migrate implements Callable<Integer> {
        @ParentCommand
        AdminGitCommand git;

        @Option(names = "--json", description = "Print the server's JSON report as it came.")
        boolean json;

        @Override
        public Integer call() {
            TesseraApiClient api = git.api();
            String body = api.post(PATH + "/migrate", Map.of());
            JsonNode report = api.read(body, JsonNode.class, PATH + "/migrate");
            int failed = 0;
            if (json) {
                git.out().println(body);
            } else {
                git.out().printf("%-16s  %-9s  %-32s  %-48s  %s%n", "ID", "STATUS", "PROJECT", "REMOTE", "ERROR");
            }
            for (JsonNode row : report) {
                boolean ok = "migrated".equals(row.path("status").asText());
                failed += ok ? 0 : 1;
                if (!json) {
                    git.out().printf("%-16s  %-9s  %-32s  %-48s  %s%n", row.path("projectId").asText(), row.path("status").asText(),
                            row.path("owner").asText() + "/" + row.path("name").asText(), row.path("remoteUrl").asText(), ok ? "" : row.path("error").asText());
                }
            }
            PrintWriter err = git.admin.root.context().err();
            err.println(failed == 0 ? "Migrated " + report.size() + " projects."
                    : failed + " of " + report.size() + " projects failed; fix the errors shown and run tessera admin git migrate again.");
            return failed == 0 ? ExitCode.OK : ExitCode.FAILURE;
        }
    }
}
