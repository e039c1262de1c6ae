package org.tessera.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.tessera.cli.client.CliException;
import org.tessera.cli.client.CredentialStore;
import org.tessera.cli.client.ExitCode;
import org.tessera.cli.client.SiteCredentials;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code tessera logout}: ends the session at the sign-in server and forgets the site's tokens. */
@Command(name = "logout", description = "End the session at the sign-in server and delete the stored tokens.")
final class LogoutCommand implements Callable<Integer> {

    @ParentCommand
    TesseraCli root;

    @Override
    public Integer call() {
        CliContext context = root.context();
        // Only the site name is needed: logging out must work when the site's URL is gone from the config.
        String site = root.site != null ? root.site : context.config().defaultSite();
        CredentialStore store = context.credentials();
        Optional<SiteCredentials> credentials = store.load(site);
        if (credentials.isEmpty()) {
            context.out().println("Not signed in to " + site + ".");
            return ExitCode.OK;
        }
        try {
            context.oidc().endSession(credentials.get());
        } catch (CliException e) {
            // The local tokens go regardless: keeping them because the server is down helps nobody.
            context.err().println("Warning: " + e.getMessage() + ". The stored tokens are deleted anyway.");
        }
        store.delete(site);
        context.out().println("Signed out of " + site + ".");
        return ExitCode.OK;
    }
}
