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
        subcommands = {TokensCommand.Create.class, TokensCommand.ListTokens.class, TokensCommand.Revoke.class})
final class TokensCommand {

    static final String PATH = "/api/v1/me/tokens";

    @ParentCommand
    TesseraCli root;

    TesseraApiClient api() {
        CliContext context = root.context();
        return context.api(context.site(root.site));
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
}
