package org.tessera.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tessera.cli.client.CliException;
import org.tessera.cli.client.ExitCode;
import org.tessera.cli.client.Json;
import org.tessera.cli.client.TesseraApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code tessera admin}: administration (role {@code ae-admin}). */
@Command(name = "admin", description = "Administer the platform (role ae-admin).", subcommands = {AdminCommand.Directories.class, AdminIdpsCommand.class, AdminGitCommand.class, AdminProfilesCommand.class, AdminUsersCommand.class, AdminMappingsCommand.class})
final class AdminCommand {

    @ParentCommand
    TesseraCli root;

    /** {@code tessera admin directories}: LDAP and Active Directory connections of the realm. */
    @Command(name = "directories",
            description = "Connect LDAP and Active Directory servers: list, add, test, sync, remove.",
            subcommands = {ListDirectories.class, Add.class, Test.class, Sync.class, Remove.class})
    static final class Directories {
        static final String PATH = "/api/v1/admin/directories";

        @ParentCommand
        AdminCommand admin;

        TesseraApiClient api() {
            return admin.root.api();
        }

        PrintWriter out() {
            return admin.root.out();
        }
    }

    @Command(name = "list", description = "List the directories with their last sync.")
    static final class ListDirectories implements Callable<Integer> {
        @ParentCommand
        Directories directories;

        @Option(names = "--json", description = "Print the server's JSON answer as it came.")
        boolean json;

        @Override
        public Integer call() {
            TesseraApiClient api = directories.api();
            String body = api.get(Directories.PATH);
            PrintWriter out = directories.out();
            if (json) {
                out.println(body);
                return ExitCode.OK;
            }
            out.printf("%-36s  %-20s  %-6s  %-32s  %s%n", "ID", "NAME", "VENDOR", "URL", "LAST SYNC");
            for (JsonNode d : api.read(body, JsonNode.class, Directories.PATH)) {
                out.printf("%-36s  %-20s  %-6s  %-32s  %s%n", d.path("id").asText(), d.path("name").asText(), d.path("vendor").asText(),
                        d.path("connectionUrl").asText(), lastSync(d.path("lastSync")));
            }
            return ExitCode.OK;
        }

        private static String lastSync(JsonNode sync) {
            if (sync.isMissingNode() || sync.isNull()) {
                return "never";
            }
            return sync.path("ok").asBoolean() ? sync.path("mode").asText() + " " + sync.path("at").asText() + " " + counts(sync)
                    : "failed " + sync.path("at").asText() + ": " + sync.path("error").asText();
        }
    }

    @Command(name = "add", description = {"Add a directory. Empty settings take the vendor's defaults.",
            "Either options or --file directory.json with the API's field names (options win over the file);",
            "the bind password comes from the file's bindCredential or --bind-password-stdin."})
    static final class Add implements Callable<Integer> {
        @ParentCommand
        Directories directories;

        @Option(names = "--file", paramLabel = "FILE", description = "A JSON object with the directory's settings, as POST /api/v1/admin/directories takes it.")
        Path file;

        @Option(names = "--name", description = "A name, e.g. corporate-ldap.")
        String name;

        @Option(names = "--vendor", description = "ad, rhds or other (default other).")
        String vendor;

        @Option(names = "--url", paramLabel = "URL", description = "ldap://HOST:PORT or ldaps://HOST:PORT.")
        String connectionUrl;

        @Option(names = "--start-tls", description = "Upgrade an ldap:// connection to TLS with StartTLS before binding.")
        boolean startTls;

        @Option(names = "--bind-dn", paramLabel = "DN", description = "The DN Keycloak binds as.")
        String bindDn;

        @Option(names = "--bind-password-stdin", description = "Read the bind password from the first line of standard input.")
        boolean bindPasswordStdin;

        @Option(names = "--users-dn", paramLabel = "DN", description = "The DN above the users.")
        String usersDn;

        @Option(names = "--groups-dn", paramLabel = "DN", description = "The DN above the groups to import (optional).")
        String groupsDn;

        @Option(names = "--filter", paramLabel = "FILTER", description = "An LDAP filter the users must match, e.g. (memberOf=cn=staff,dc=example,dc=com).")
        String customUserSearchFilter;

        @Option(names = "--edit-mode", description = "READ_ONLY (default), WRITABLE or UNSYNCED.")
        String editMode;

        @Override
        public Integer call() {
            ObjectNode body = file == null ? Json.mapper().createObjectNode() : readFile(file);
            put(body, "name", name);
            put(body, "vendor", vendor);
            put(body, "connectionUrl", connectionUrl);
            if (startTls) {
                body.put("startTls", true);
            }
            put(body, "bindDn", bindDn);
            put(body, "usersDn", usersDn);
            put(body, "groupsDn", groupsDn);
            put(body, "customUserSearchFilter", customUserSearchFilter);
            put(body, "editMode", editMode);
            if (bindPasswordStdin) {
                put(body, "bindCredential", firstLine());
            }
            TesseraApiClient api = directories.api();
            JsonNode added = api.read(api.post(Directories.PATH, body), JsonNode.class, Directories.PATH);
            directories.out().println("Added directory " + added.path("name").asText() + " (id " + added.path("id").asText() + ").");
            directories.out().println("Next: tessera admin directories test " + added.path("id").asText()
                    + " && tessera admin directories sync " + added.path("id").asText());
            return ExitCode.OK;
        }

        private static void put(ObjectNode body, String field, String value) {
            if (value != null) {
                body.put(field, value);
            }
        }

        private static ObjectNode readFile(Path file) {
            try {
                JsonNode node = Json.mapper().readTree(Files.readString(file));
                if (node instanceof ObjectNode object) {
                    return object;
                }
                throw new CliException(file + " must hold one JSON object, e.g. {\"name\": \"corp\", \"connectionUrl\": \"ldaps://...\"}.");
            } catch (IOException e) {
                throw new CliException("Cannot read " + file + " as JSON (" + e.getMessage() + "); fix the file and retry.");
            }
        }

        private String firstLine() {
            try {
                String line = new BufferedReader(new InputStreamReader(directories.admin.root.context().in(), StandardCharsets.UTF_8)).readLine();
                if (line == null || line.isEmpty()) {
                    throw new CliException("--bind-password-stdin read nothing: pipe the password in, e.g. cat bind.pw | tessera admin directories add ...");
                }
                return line;
            } catch (IOException e) {
                throw new CliException("Cannot read the bind password from standard input: " + e.getMessage());
            }
        }
    }

    @Command(name = "test", description = "Test that Keycloak reaches the directory and binds with its bind DN and password.")
    static final class Test implements Callable<Integer> {
        @ParentCommand
        Directories directories;

        @Parameters(paramLabel = "ID", description = "The directory's id, from: tessera admin directories list")
        String id;

        @Override
        public Integer call() {
            TesseraApiClient api = directories.api();
            PrintWriter out = directories.out();
            for (String kind : new String[] {"connection", "authentication"}) {
                String path = Directories.PATH + "/" + id + "/test-" + kind;
                JsonNode check = api.read(api.post(path, Json.mapper().createObjectNode()), JsonNode.class, path);
                out.println(kind + ": " + (check.path("ok").asBoolean() ? "ok" : "FAILED") + " - " + check.path("message").asText());
                if (!check.path("ok").asBoolean()) {
                    return ExitCode.FAILURE;
                }
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "sync", description = "Sync the directory's users now and print Keycloak's counts.")
    static final class Sync implements Callable<Integer> {
        @ParentCommand
        Directories directories;

        @Parameters(paramLabel = "ID", description = "The directory's id, from: tessera admin directories list")
        String id;

        @Option(names = "--mode", defaultValue = "full", description = "full (every user, the default) or changed (only users changed since the last sync).")
        String mode;

        @Override
        public Integer call() {
            TesseraApiClient api = directories.api();
            String path = Directories.PATH + "/" + id + "/sync?mode=" + java.net.URLEncoder.encode(mode, StandardCharsets.UTF_8);
            JsonNode result = api.read(api.post(path, Json.mapper().createObjectNode()), JsonNode.class, path);
            if (!result.path("ok").asBoolean()) {
                directories.admin.root.context().err().println("Sync failed: " + result.path("error").asText());
                return ExitCode.FAILURE;
            }
            directories.out().println(result.path("mode").asText() + " sync: " + counts(result));
            return ExitCode.OK;
        }
    }

    @Command(name = "remove", description = "Remove a directory and the users Keycloak imported from it.")
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        Directories directories;

        @Parameters(paramLabel = "ID", description = "The directory's id, from: tessera admin directories list")
        String id;

        @Override
        public Integer call() {
            directories.api().delete(Directories.PATH + "/" + id);
            directories.out().println("Removed directory " + id + ".");
            return ExitCode.OK;
        }
    }

    static String counts(JsonNode sync) {
        return sync.path("added").asInt() + " added, " + sync.path("updated").asInt() + " updated, " + sync.path("removed").asInt() + " removed, "
                + sync.path("failed").asInt() + " failed";
    }
}
