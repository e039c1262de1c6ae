package org.tessera.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.tessera.cli.client.CliException;
import org.tessera.cli.client.ExitCode;
import org.tessera.cli.client.Json;
import org.tessera.cli.client.TesseraApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code tessera admin mappings}: the group→role rules of a directory (its {@code
 * tessera-group-rules-ldap-mapper}) and a preview of what they give a user.
 */
@Command(name = "mappings",
        description = "Directory group to role rules: preview what they give a user, list them, replace them.",
        subcommands = {AdminMappingsCommand.Preview.class, AdminMappingsCommand.Rules.class})
final class AdminMappingsCommand {

    static final String DIRECTORIES = "/api/v1/admin/directories";

    @ParentCommand
    AdminCommand admin;

    TesseraApiClient api() {
        return admin.root.api();
    }

    PrintWriter out() {
        return admin.root.out();
    }

    /** The directory given, or the only one there is; otherwise an error listing them. */
    String directory(TesseraApiClient api, String given) {
        if (given != null) {
            return given;
        }
        JsonNode all = api.read(api.get(DIRECTORIES), JsonNode.class, DIRECTORIES);
        if (all.size() == 1) {
            return all.get(0).path("id").asText();
        }
        if (all.isEmpty()) {
            throw new CliException("There is no directory yet: add one with tessera admin directories add.");
        }
        List<String> choices = new ArrayList<>();
        all.forEach(d -> choices.add(d.path("id").asText() + " (" + d.path("name").asText() + ")"));
        throw new CliException("There are " + all.size() + " directories: choose one with --directory ID: " + String.join(", ", choices));
    }

    @Command(name = "preview", description = {"What the group rules give a directory user (or, with --group, the members of a group), before or after saving.",
            "The user's groups are read from the directory through Keycloak, as a sign-in reads them. Changes nothing."})
    static final class Preview implements Callable<Integer> {
        @ParentCommand
        AdminMappingsCommand mappings;

        @Parameters(paramLabel = "USER", description = "The user name in the directory (with --group: a group name or DN).")
        String subject;

        @Option(names = "--directory", paramLabel = "ID", description = "The directory's id (needed when there are several; see tessera admin directories list).")
        String directory;

        @Option(names = "--group", description = "USER is a group (its name under the groups DN, or its full DN).")
        boolean group;

        @Option(names = "--rules", paramLabel = "FILE", description = "Preview these unsaved rules (YAML or JSON, as for rules set) instead of the saved ones.")
        Path rules;

        @Option(names = "--json", description = "Print the server's JSON answer as it came.")
        boolean json;

        @Override
        public Integer call() {
            TesseraApiClient api = mappings.api();
            String id = mappings.directory(api, directory);
            ObjectNode body = rules == null ? Json.mapper().createObjectNode() : RulesFile.read(rules);
            body.put(group ? "group" : "username", subject);
            String path = DIRECTORIES + "/" + id + "/group-rules/preview";
            String answer = api.post(path, body);
            PrintWriter out = mappings.out();
            if (json) {
                out.println(answer);
                return ExitCode.OK;
            }
            JsonNode p = api.read(answer, JsonNode.class, path);
            if (!p.path("username").isNull() && !p.path("username").isMissingNode()) {
                out.println("User: " + p.path("username").asText() + " (" + p.path("userDn").asText() + ")");
            }
            out.println("Directory groups:" + (p.path("directoryGroups").isEmpty() ? " none" : ""));
            p.path("directoryGroups").forEach(g -> out.println("  " + g.asText()));
            out.println("Rules (" + (p.path("savedRules").asBoolean() ? "saved" : "from " + rules) + "):");
            for (JsonNode r : p.path("rules")) {
                out.println("  " + r.path("rule").asText() + "  =>  " + (r.path("matchedGroups").isEmpty() ? "no match" : "matches " + join(r.path("matchedGroups"))));
            }
            out.println("Roles:  " + (p.path("roles").isEmpty() ? "none" : join(p.path("roles"))));
            out.println("Groups: " + (p.path("groups").isEmpty() ? "none" : join(p.path("groups"))));
            return ExitCode.OK;
        }
    }

    @Command(name = "rules", description = "List or replace a directory's group rules.", subcommands = {ListRules.class, SetRules.class})
    static final class Rules {
        @ParentCommand
        AdminMappingsCommand mappings;
    }

    @Command(name = "list", description = "List the rules and where the directory's groups are searched.")
    static final class ListRules implements Callable<Integer> {
        @ParentCommand
        Rules rules;

        @Option(names = "--directory", paramLabel = "ID", description = "The directory's id (needed when there are several).")
        String directory;

        @Option(names = "--json", description = "Print the server's JSON answer as it came (a valid file for rules set).")
        boolean json;

        @Override
        public Integer call() {
            TesseraApiClient api = rules.mappings.api();
            String path = DIRECTORIES + "/" + rules.mappings.directory(api, directory) + "/group-rules";
            String answer = api.get(path);
            PrintWriter out = rules.mappings.out();
            if (json) {
                out.println(answer);
                return ExitCode.OK;
            }
            JsonNode r = api.read(answer, JsonNode.class, path);
            out.println("Groups DN: " + r.path("groupsDn").asText("(not set)") + "  object classes: " + r.path("groupObjectClasses").asText()
                    + "  membership: " + r.path("membershipAttribute").asText() + " (" + r.path("membershipType").asText() + ")"
                    + (r.path("nestedAdGroups").asBoolean() ? "  nested AD groups" : ""));
            if (r.path("rules").isEmpty()) {
                out.println("No rules. Set them with: tessera admin mappings rules set FILE");
                return ExitCode.OK;
            }
            out.printf("%-3s  %-5s  %-40s  %-30s  %s%n", "#", "MATCH", "PATTERN", "ROLES", "GROUPS");
            int n = 0;
            for (JsonNode rule : r.path("rules")) {
                out.printf("%-3d  %-5s  %-40s  %-30s  %s%n", ++n, rule.path("match").asText(), rule.path("pattern").asText(), join(rule.path("roles")), join(rule.path("groups")));
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "set", description = {"Replace the rules with those in FILE (YAML or JSON):",
            "  rules:",
            "    - {match: cn, pattern: grp-ae5-*, roles: [ae-creator, ae-deployer], groups: [/data-science]}",
            "    - {match: dn, pattern: 'cn=admins,ou=groups,dc=example,dc=org', roles: [ae-admin]}",
            "  groupsDn: ou=groups,dc=example,dc=org   # optional, like the other settings of rules list --json",
            "A file with only a list of rules is accepted too; an empty list removes the rules."})
    static final class SetRules implements Callable<Integer> {
        @ParentCommand
        Rules rules;

        @Parameters(paramLabel = "FILE", description = "The rules as YAML or JSON.")
        Path file;

        @Option(names = "--directory", paramLabel = "ID", description = "The directory's id (needed when there are several).")
        String directory;

        @Override
        public Integer call() {
            ObjectNode body = RulesFile.read(file);
            body.remove("mapperId");
            TesseraApiClient api = rules.mappings.api();
            String path = DIRECTORIES + "/" + rules.mappings.directory(api, directory) + "/group-rules";
            JsonNode saved = api.read(api.put(path, body), JsonNode.class, path);
            int count = saved.path("rules").size();
            rules.mappings.out().println(count == 0 ? "Removed the group rules." : "Saved " + count + " rule(s); they apply at each user's next sign-in or sync.");
            return ExitCode.OK;
        }
    }

    /** A rules file: YAML (JSON is YAML too), an object with {@code rules} or a bare list of rules. */
    static final class RulesFile {
        private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

        static ObjectNode read(Path file) {
            JsonNode node;
            try {
                node = YAML.readTree(Files.readString(file));
            } catch (IOException e) {
                throw new CliException("Cannot read " + file + " as YAML or JSON (" + e.getMessage().lines().findFirst().orElse("") + "); fix the file and retry.");
            }
            if (node instanceof ArrayNode list) {
                ObjectNode body = Json.mapper().createObjectNode();
                body.set("rules", list);
                return body;
            }
            if (node instanceof ObjectNode object && object.has("rules")) {
                return object;
            }
            throw new CliException(file + " must hold a list of rules or an object with \"rules\", e.g.\n"
                    + "rules:\n  - {match: cn, pattern: grp-ae5-*, roles: [ae-creator]}");
        }
    }

    static String join(JsonNode names) {
        List<String> all = new ArrayList<>();
        names.forEach(n -> all.add(n.asText()));
        return String.join(",", all);
    }
}
