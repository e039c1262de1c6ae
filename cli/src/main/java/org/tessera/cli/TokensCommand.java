package org.tessera.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tessera.cli.client.ExitCode;
import org.tessera.cli.client.TesseraApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code tessera tokens}: personal access tokens for git and scripts. */
@Command(name = "tokens",
        description = "Create, list and revoke personal access tokens (the password for git over HTTP).",
        subcommands = {TokensCommand.Create.class, TokensCommand.ListTokens.class, TokensCommand.Revoke.class, TokensCommand.External.class})
final class TokensCommand {

    static final String PATH = "/api/v1/me/tokens";

    @ParentCommand
    TesseraCli root;

    TesseraApiClient api() {
        return root.api();
    }

    @Command(name = "create", description = "Create a token and print its secret, which is shown only this once.")
    static final class Create implements Callable<Integer> {
        @ParentCommand
        TokensCommand tokens;

        @Parameters(paramLabel = "NAME", description = "A label, e.g. the machine or script that uses it.")
        String name;

        @Option(names = "--days", paramLabel = "N", defaultValue = "90", description = "Days until it expires, 1 to 366 (default: ${DEFAULT-VALUE}).")
        int days;

        @Override
        public Integer call() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", name);
            body.put("expiresInDays", days);
            TesseraApiClient api = tokens.api();
            JsonNode created = api.read(api.post(PATH, body), JsonNode.class, PATH);
            PrintWriter out = tokens.root.context().out();
            out.println(created.path("token").asText());
            tokens.root.context().err().println("Token " + created.path("id").asText() + " expires " + created.path("expiresAt").asText()
                    + ". Copy it now: it is not shown again.");
            return ExitCode.OK;
        }
    }

    @Command(name = "list", description = "List your tokens (never their secrets).")
    static final class ListTokens implements Callable<Integer> {
        @ParentCommand
        TokensCommand tokens;

        @Option(names = "--json", description = "Print the server's JSON answer as it came.")
        boolean json;

        @Override
        public Integer call() {
            TesseraApiClient api = tokens.api();
            String body = api.get(PATH);
            PrintWriter out = tokens.root.context().out();
            if (json) {
                out.println(body);
                return ExitCode.OK;
            }
            out.printf("%-16s  %-8s  %-24s  %-24s  %s%n", "ID", "STATUS", "EXPIRES", "LAST USED", "NAME");
            for (JsonNode token : api.read(body, JsonNode.class, PATH)) {
                out.printf("%-16s  %-8s  %-24s  %-24s  %s%n", token.path("id").asText(), token.path("status").asText(),
                        token.path("expiresAt").asText(), token.path("lastUsedAt").isNull() ? "never" : token.path("lastUsedAt").asText(""),
                        token.path("name").asText());
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "revoke", description = "Revoke a token at once.")
    static final class Revoke implements Callable<Integer> {
        @ParentCommand
        TokensCommand tokens;

        @Parameters(paramLabel = "ID", description = "The token's id, from: tessera tokens list")
        String id;

        @Override
        public Integer call() {
            tokens.api().delete(PATH + "/" + id);
            tokens.root.context().out().println("Revoked token " + id + ".");
            return ExitCode.OK;
        }
    }

    /** {@code tessera tokens external}: the user's own credentials for the external git service. */
    @Command(name = "external",
            description = "Your user name and personal access token on the external git service, with which your projects are mirrored.",
            subcommands = {External.Show.class, External.Set.class, External.Remove.class})
    static final class External {
        static final String PATH = "/api/v1/me/external-git-credential";

        @ParentCommand
        TokensCommand tokens;

        @Command(name = "show", description = "Show the user name set (never the token).")
        static final class Show implements Callable<Integer> {
            @ParentCommand
            External external;

            @Override
            public Integer call() {
                TesseraApiClient api = external.tokens.api();
                JsonNode current = api.read(api.get(PATH), JsonNode.class, PATH);
                external.tokens.root.context().out().println(current.path("set").asBoolean()
                        ? "Git user " + current.path("username").asText() + ", token set " + current.path("updatedAt").asText() + "."
                        : "No external git credentials: your projects are not mirrored. Add them with: tessera tokens external set --username USER --token-stdin");
                return ExitCode.OK;
            }
        }

        @Command(name = "set", description = "Add or replace them; the token is read from standard input so it stays out of the shell history.")
        static final class Set implements Callable<Integer> {
            @ParentCommand
            External external;

            @Option(names = "--username", required = true, paramLabel = "USER", description = "Your user name on the external git service.")
            String username;

            @Option(names = "--token-stdin", required = true, description = "Read the personal access token from the first line of standard input.")
            boolean tokenStdin;

            @Override
            public Integer call() throws java.io.IOException {
                CliContext context = external.tokens.root.context();
                // Not closed: the stream belongs to the caller (System.in, or a test's).
                String token = new java.io.BufferedReader(new java.io.InputStreamReader(context.in(), java.nio.charset.StandardCharsets.UTF_8)).readLine();
                if (token == null || token.isBlank()) {
                    throw new org.tessera.cli.client.CliException("No token on standard input; pipe it in, e.g. printf '%s\\n' \"$TOKEN\" | tessera tokens external set --username USER --token-stdin");
                }
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("username", username);
                body.put("token", token.strip());
                TesseraApiClient api = external.tokens.api();
                JsonNode saved = api.read(api.put(PATH, body), JsonNode.class, PATH);
                context.out().println("External git credentials saved for git user " + saved.path("username").asText() + ".");
                return ExitCode.OK;
            }
        }

        @Command(name = "remove", description = "Forget them; your projects are not mirrored until you set new ones.")
        static final class Remove implements Callable<Integer> {
            @ParentCommand
            External external;

            @Override
            public Integer call() {
                external.tokens.api().delete(PATH);
                external.tokens.root.context().out().println("External git credentials removed.");
                return ExitCode.OK;
            }
        }
    }
}
