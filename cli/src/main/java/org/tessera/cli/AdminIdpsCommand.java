package org.tessera.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

/** {@code tessera admin idps}: identity providers (SAML 2.0, OIDC, Google) users may sign in through. */
@Command(name = "idps",
        description = "Identity providers users sign in through (SAML 2.0, OIDC, Google): list, add, remove.",
        subcommands = {AdminIdpsCommand.ListIdps.class, AdminIdpsCommand.Add.class, AdminIdpsCommand.Remove.class})
final class AdminIdpsCommand {

    static final String PATH = "/api/v1/admin/identity-providers";

    @ParentCommand
    AdminCommand admin;

    TesseraApiClient api() {
        return admin.root.api();
    }

    PrintWriter out() {
        return admin.root.out();
    }

    @Command(name = "list", description = "List the providers with the redirect URI each must know and their mappers.")
    static final class ListIdps implements Callable<Integer> {
        @ParentCommand
        AdminIdpsCommand idps;

        @Override
        public Integer call() {
            TesseraApiClient api = idps.api();
            PrintWriter out = idps.out();
            JsonNode providers = api.read(api.get(PATH), JsonNode.class, PATH);
            if (providers.isEmpty()) {
                out.println("No identity provider; add one with: tessera admin idps add ALIAS --type saml --metadata-url URL");
                return ExitCode.OK;
            }
            out.printf("%-20s  %-6s  %-8s  %-24s  %s%n", "ALIAS", "TYPE", "ENABLED", "DISPLAY NAME", "REDIRECT URI");
            for (JsonNode p : providers) {
                out.printf("%-20s  %-6s  %-8s  %-24s  %s%n", p.path("alias").asText(), p.path("type").asText(), p.path("enabled").asBoolean() ? "yes" : "no",
                        p.path("displayName").asText(), p.path("redirectUri").asText());
                for (JsonNode m : p.path("mappers")) {
                    out.println("    mapper " + m.path("name").asText() + ": " + describe(m));
                }
            }
            return ExitCode.OK;
        }

        private static String describe(JsonNode m) {
            return switch (m.path("type").asText()) {
                case "attribute-to-role" -> m.path("attribute").asText() + "=" + m.path("value").asText() + " -> " + m.path("role").asText();
                case "hardcoded-role" -> "everyone -> " + m.path("role").asText();
                case "attribute-to-profile" -> m.path("attribute").asText() + " -> " + m.path("userAttribute").asText();
                default -> m.path("type").asText();
            };
        }
    }

    @Command(name = "add", description = {"Add an identity provider; the first sign-in through it creates the user.",
            "Either options or --file idp.json with the API's field names (options win over the file)."})
    static final class Add implements Callable<Integer> {
        @ParentCommand
        AdminIdpsCommand idps;

        @Parameters(paramLabel = "ALIAS", arity = "0..1", description = "Lowercase letters, digits, '-' and '_'; part of the redirect URI (Google: default google).")
        String alias;

        @Option(names = "--file", paramLabel = "FILE", description = "A JSON object as POST " + PATH + " takes it.")
        Path file;

        @Option(names = "--type", description = "saml, oidc or google.")
        String type;

        @Option(names = "--display-name", paramLabel = "TEXT", description = "The button on the login page.")
        String displayName;

        @Option(names = "--metadata-url", paramLabel = "URL", description = "SAML: the IdP's metadata URL.")
        String metadataUrl;

        @Option(names = "--metadata-file", paramLabel = "FILE", description = "SAML: the IdP's metadata XML.")
        Path metadataFile;

        @Option(names = "--name-id-format", paramLabel = "FORMAT", description = "SAML: persistent, transient, email, unspecified or kerberos.")
        String nameIdFormat;

        @Option(names = "--discovery-url", paramLabel = "URL", description = "OIDC: .../.well-known/openid-configuration.")
        String discoveryUrl;

        @Option(names = "--client-id", paramLabel = "ID", description = "OIDC and Google: the client id the provider gave Tessera.")
        String clientId;

        @Option(names = "--client-secret-stdin", description = "OIDC and Google: read the client secret from the first line of standard input.")
        boolean clientSecretStdin;

        @Option(names = "--role", paramLabel = "ATTRIBUTE=VALUE:ROLE", description = "A mapper: users whose attribute or claim has the value (e.g. groups=staff) get the role. Repeatable.")
        List<String> roleRules;

        @Option(names = "--hardcoded-role", paramLabel = "ROLE", description = "A mapper: every user of the provider gets the role. Repeatable.")
        List<String> hardcodedRoles;

        @Override
        public Integer call() {
            ObjectNode body = file == null ? Json.mapper().createObjectNode() : readObject(file);
            put(body, "alias", alias);
            put(body, "type", type);
            put(body, "displayName", displayName);
            put(body, "metadataUrl", metadataUrl);
            put(body, "nameIdFormat", nameIdFormat);
            put(body, "discoveryUrl", discoveryUrl);
            put(body, "clientId", clientId);
            if (metadataFile != null) {
                try {
                    body.put("metadataXml", Files.readString(metadataFile));
                } catch (IOException e) {
                    throw new CliException("Cannot read " + metadataFile + " (" + e.getMessage() + "); give the IdP's metadata XML file.");
                }
            }
            if (clientSecretStdin) {
                body.put("clientSecret", firstLine());
            }
            if (roleRules != null || hardcodedRoles != null) {
                ArrayNode mappers = body.has("mappers") && body.get("mappers").isArray() ? (ArrayNode) body.get("mappers") : body.putArray("mappers");
                for (String rule : roleRules == null ? List.<String>of() : roleRules) {
                    int eq = rule.indexOf('=');
                    int colon = rule.lastIndexOf(':');
                    if (eq < 1 || colon < eq + 2 || colon == rule.length() - 1) {
                        throw new CliException("--role '" + rule + "' must be ATTRIBUTE=VALUE:ROLE, e.g. groups=data-scientists:ae-creator.");
                    }
                    mappers.addObject().put("name", rule.substring(0, colon)).put("type", "attribute-to-role").put("attribute", rule.substring(0, eq))
                            .put("value", rule.substring(eq + 1, colon)).put("role", rule.substring(colon + 1));
                }
                for (String role : hardcodedRoles == null ? List.<String>of() : hardcodedRoles) {
                    mappers.addObject().put("name", "everyone " + role).put("type", "hardcoded-role").put("role", role);
                }
            }
            TesseraApiClient api = idps.api();
            JsonNode added = api.read(api.post(PATH, body), JsonNode.class, PATH);
            PrintWriter out = idps.out();
            out.println("Added identity provider " + added.path("alias").asText() + " (" + added.path("type").asText() + ").");
            out.println("Give the provider this redirect URI: " + added.path("redirectUri").asText());
            if (added.hasNonNull("spMetadataUrl")) {
                out.println("SAML service provider entity ID " + added.path("spEntityId").asText() + ", metadata: " + added.path("spMetadataUrl").asText());
            }
            return ExitCode.OK;
        }

        private static void put(ObjectNode body, String field, String value) {
            if (value != null) {
                body.put(field, value);
            }
        }

        private static ObjectNode readObject(Path file) {
            try {
                if (Json.mapper().readTree(Files.readString(file)) instanceof ObjectNode object) {
                    return object;
                }
                throw new CliException(file + " must hold one JSON object, e.g. {\"alias\": \"corp\", \"type\": \"saml\", \"metadataUrl\": \"https://...\"}.");
            } catch (IOException e) {
                throw new CliException("Cannot read " + file + " as JSON (" + e.getMessage() + "); fix the file and retry.");
            }
        }

        private String firstLine() {
            try {
                String line = new BufferedReader(new InputStreamReader(idps.admin.root.context().in(), StandardCharsets.UTF_8)).readLine();
                if (line == null || line.isEmpty()) {
                    throw new CliException("--client-secret-stdin read nothing: pipe the secret in, e.g. cat client.secret | tessera admin idps add ...");
                }
                return line;
            } catch (IOException e) {
                throw new CliException("Cannot read the client secret from standard input: " + e.getMessage());
            }
        }
    }

    @Command(name = "remove", description = "Remove an identity provider; the users it created stay.")
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        AdminIdpsCommand idps;

        @Parameters(paramLabel = "ALIAS")
        String alias;

        @Override
        public Integer call() {
            idps.api().delete(PATH + "/" + alias);
            idps.out().println("Removed identity provider " + alias + ".");
            return ExitCode.OK;
        }
    }
}
