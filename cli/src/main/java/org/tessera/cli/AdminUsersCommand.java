package org.tessera.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tessera.cli.client.CliException;
import org.tessera.cli.client.ExitCode;
import org.tessera.cli.client.Json;
import org.tessera.cli.client.TesseraApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code tessera admin users}: the realm's users, without Keycloak's console. */
@Command(name = "users",
        description = "List, show, disable and enable users; set a temporary password; sign a user out everywhere.",
        subcommands = {AdminUsersCommand.ListUsers.class, AdminUsersCommand.Show.class, AdminUsersCommand.Disable.class, AdminUsersCommand.Enable.class,
                AdminUsersCommand.ResetPassword.class, AdminUsersCommand.SignOut.class})
final class AdminUsersCommand {

    static final String PATH = "/api/v1/admin/users";

    @ParentCommand
    AdminCommand admin;

    TesseraApiClient api() {
        return admin.root.api();
    }

    PrintWriter out() {
        return admin.root.out();
    }

    static String user(String username) {
        return PATH + "/" + ApiPaths.segment(username);
    }

    static String source(JsonNode u) {
        return switch (u.path("source").asText()) {
            case "directory" -> "ldap:" + u.path("sourceName").asText();
            case "identity-provider" -> "idp:" + u.path("sourceName").asText();
            default -> "local";
        };
    }

    @Command(name = "list", description = "List users (local and federated, with their source), 20 per page.")
    static final class ListUsers implements Callable<Integer> {
        @ParentCommand
        AdminUsersCommand users;

        @Option(names = "--search", paramLabel = "TEXT", description = "Part of a user name, email, first or last name.")
        String search;

        @Option(names = "--page", defaultValue = "0", paramLabel = "N", description = "Page number, from 0.")
        int page;

        @Option(names = "--size", defaultValue = "20", paramLabel = "N", description = "Users per page (1-100).")
        int size;

        @Option(names = "--json", description = "Print the server's JSON answer as it came.")
        boolean json;

        @Override
        public Integer call() {
            String path = PATH + "?page=" + page + "&size=" + size + (search == null ? "" : "&search=" + URLEncoder.encode(search, StandardCharsets.UTF_8));
            TesseraApiClient api = users.api();
            String body = api.get(path);
            PrintWriter out = users.out();
            if (json) {
                out.println(body);
                return ExitCode.OK;
            }
            JsonNode result = api.read(body, JsonNode.class, path);
            out.printf("%-24s  %-30s  %-24s  %s%n", "USERNAME", "EMAIL", "SOURCE", "STATUS");
            for (JsonNode u : result.path("users")) {
                out.printf("%-24s  %-30s  %-24s  %s%n", u.path("username").asText(), u.path("email").asText(""), source(u), u.path("enabled").asBoolean() ? "enabled" : "disabled");
            }
            long total = result.path("total").asLong();
            int shown = result.path("users").size();
            out.println(total == 0 ? "No users match." : "Users " + (page * size + (shown == 0 ? 0 : 1)) + "-" + (page * size + shown) + " of " + total
                    + ((long) (page + 1) * size < total ? "; next: --page " + (page + 1) : "") + ".");
            return ExitCode.OK;
        }
    }

    @Command(name = "show", description = "Show a user: source, status, groups, roles, required actions, sessions.")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        AdminUsersCommand users;

        @Parameters(paramLabel = "USER", description = "The user name.")
        String username;

        @Option(names = "--json", description = "Print the server's JSON answer as it came.")
        boolean json;

        @Override
        public Integer call() {
            TesseraApiClient api = users.api();
            String path = user(username);
            String body = api.get(path);
            PrintWriter out = users.out();
            if (json) {
                out.println(body);
                return ExitCode.OK;
            }
            JsonNode u = api.read(body, JsonNode.class, path);
            Map<String, String> rows = new LinkedHashMap<>();
            rows.put("username", u.path("username").asText());
            rows.put("name", (u.path("firstName").asText("") + " " + u.path("lastName").asText("")).strip());
            rows.put("email", u.path("email").asText(""));
            rows.put("source", source(u));
            rows.put("status", u.path("enabled").asBoolean() ? "enabled" : "disabled");
            rows.put("groups", join(u.path("groups")));
            rows.put("roles", join(u.path("roles")));
            rows.put("all roles", join(u.path("effectiveRoles")));
            rows.put("required actions", join(u.path("requiredActions")));
            rows.put("sessions", Integer.toString(u.path("sessions").size()));
            rows.forEach((k, v) -> out.printf("%-17s %s%n", k + ":", v));
            for (JsonNode s : u.path("sessions")) {
                out.printf("  session from %s since %s, last used %s (%s)%n", s.path("ipAddress").asText(), s.path("started").asText(), s.path("lastAccess").asText(), join(s.path("clients")));
            }
            return ExitCode.OK;
        }

        private static String join(JsonNode array) {
            StringBuilder b = new StringBuilder();
            array.forEach(v -> b.append(b.length() == 0 ? "" : ", ").append(v.asText()));
            return b.toString();
        }
    }

    @Command(name = "disable", description = "Disable a user: no new sign-in or token (refused for the last administrator).")
    static final class Disable implements Callable<Integer> {
        @ParentCommand
        AdminUsersCommand users;

        @Parameters(paramLabel = "USER")
        String username;

        @Override
        public Integer call() {
            users.api().post(user(username) + "/disable", Json.mapper().createObjectNode());
            users.out().println("Disabled " + username + ". Sessions already open end with: tessera admin users sign-out " + username);
            return ExitCode.OK;
        }
    }

    @Command(name = "enable", description = "Enable a disabled user.")
    static final class Enable implements Callable<Integer> {
        @ParentCommand
        AdminUsersCommand users;

        @Parameters(paramLabel = "USER")
        String username;

        @Override
        public Integer call() {
            users.api().post(user(username) + "/enable", Json.mapper().createObjectNode());
            users.out().println("Enabled " + username + ".");
            return ExitCode.OK;
        }
    }

    @Command(name = "reset-password", description = {"Set a user's password from the first line of standard input.",
            "It is temporary (to be changed at the next sign-in) unless --permanent."})
    static final class ResetPassword implements Callable<Integer> {
        @ParentCommand
        AdminUsersCommand users;

        @Parameters(paramLabel = "USER")
        String username;

        @Option(names = "--permanent", description = "Do not ask the user to change it.")
        boolean permanent;

        @Override
        public Integer call() {
            String password;
            try {
                password = new BufferedReader(new InputStreamReader(users.admin.root.context().in(), StandardCharsets.UTF_8)).readLine();
            } catch (IOException e) {
                throw new CliException("Cannot read the password from standard input: " + e.getMessage());
            }
            if (password == null || password.isEmpty()) {
                throw new CliException("No password on standard input: pipe it in, e.g. cat new.pw | tessera admin users reset-password " + username);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("password", password);
            body.put("temporary", !permanent);
            users.api().post(user(username) + "/reset-password", body);
            users.out().println("Password set for " + username + (permanent ? "." : "; it must be changed at the next sign-in."));
            return ExitCode.OK;
        }
    }

    @Command(name = "sign-out", description = "End every session of a user: browsers are signed out, refresh tokens stop working.")
    static final class SignOut implements Callable<Integer> {
        @ParentCommand
        AdminUsersCommand users;

        @Parameters(paramLabel = "USER")
        String username;

        @Override
        public Integer call() {
            users.api().post(user(username) + "/sign-out", Json.mapper().createObjectNode());
            users.out().println("Signed " + username + " out everywhere.");
            return ExitCode.OK;
        }
    }
}
