package org.tessera.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.tessera.cli.client.CliException;
import org.tessera.cli.client.DeviceAuthorization;
import org.tessera.cli.client.ExitCode;
import org.tessera.cli.client.JwtClaims;
import org.tessera.cli.client.OidcClient;
import org.tessera.cli.client.ProviderMetadata;
import org.tessera.cli.client.Site;
import org.tessera.cli.client.SiteCredentials;
import org.tessera.cli.client.SiteInfo;
import org.tessera.cli.client.TokenResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code tessera login}: signs in against the Keycloak the site names in {@code /api/v1/info}, by
 * the device flow (open a URL, confirm a code) or, for scripts, a password read from stdin.
 */
@Command(name = "login",
        description = {"Sign in to the site.",
            "Without options: open the printed URL in a browser and confirm the code.",
            "For scripts: --username USER --password-stdin reads the password from standard input."})
final class LoginCommand implements Callable<Integer> {

    /** The client id to use when the server does not name one. */
    static final String DEFAULT_CLIENT_ID = "tessera-cli";

    @ParentCommand
    TesseraCli root;

    @Spec
    CommandSpec spec;

    @Option(names = "--username", paramLabel = "USER", description = "Sign in as USER with a password (needs --password-stdin).")
    String username;

    @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
    boolean passwordStdin;

    @Override
    public Integer call() {
        if (passwordStdin != (username != null)) {
            throw new ParameterException(spec.commandLine(),
                    "--username and --password-stdin go together; without both, login uses the browser.");
        }
        CliContext context = root.context();
        String password = passwordStdin ? readPassword(context) : null;
        Site site = context.site(root.site);
        SiteInfo info = context.api(site).info();
        String clientId = info.cliClientId() != null ? info.cliClientId() : DEFAULT_CLIENT_ID;
        OidcClient oidc = context.oidc();
        ProviderMetadata provider = oidc.discover(info.issuer());
        TokenResponse tokens = password != null
                ? oidc.passwordGrant(provider.tokenEndpoint(), clientId, username, password)
                : deviceFlow(context, oidc, provider, clientId);
        String user = JwtClaims.username(tokens.idToken())
                .or(() -> JwtClaims.username(tokens.accessToken()))
                .orElse(username != null ? username : "unknown user");
        context.credentials().save(site.name(),
                SiteCredentials.signedIn(site, provider, clientId, user, tokens, context.clock().instant()));
        context.out().println("Signed in to " + site.name() + " as " + user);
        return ExitCode.OK;
    }

    private static TokenResponse deviceFlow(CliContext context, OidcClient oidc, ProviderMetadata provider,
            String clientId) {
        DeviceAuthorization authorization = oidc.startDeviceAuthorization(provider, clientId);
        // The prompt goes to stderr so that stdout holds only the result, as for any other verb.
        PrintWriter err = context.err();
        if (authorization.verificationUriComplete() != null) {
            err.println("To sign in, open this URL in a browser and confirm the code " + authorization.userCode() + ":");
            err.println("  " + authorization.verificationUriComplete());
        } else {
            err.println("To sign in, open " + authorization.verificationUri() + " in a browser and enter the code:");
            err.println("  " + authorization.userCode());
        }
        err.println("Waiting for you to confirm...");
        return oidc.awaitDeviceTokens(provider.tokenEndpoint(), clientId, authorization);
    }

    private static String readPassword(CliContext context) {
        // Not closed: the stream belongs to the caller (System.in, or a test's).
        BufferedReader reader = new BufferedReader(new InputStreamReader(context.in(), StandardCharsets.UTF_8));
        try {
            String line = reader.readLine();
            if (line == null || line.isEmpty()) {
                throw new CliException("No password on standard input; pipe it in, e.g. printf '%s\\n' \"$PASSWORD\" | tessera login --username USER --password-stdin",
                        ExitCode.USAGE);
            }
            return line;
        } catch (IOException e) {
            throw new CliException("Could not read the password from standard input: " + e.getMessage());
        }
    }
}
