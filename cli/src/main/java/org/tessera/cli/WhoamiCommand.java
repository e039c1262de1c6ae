package org.tessera.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.tessera.cli.client.CurrentUser;
import org.tessera.cli.client.ExitCode;
import org.tessera.cli.client.TesseraApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code tessera whoami}: the signed-in user as the Tessera server sees them. */
@Command(name = "whoami", description = "Show the signed-in user, their roles and groups.")
final class WhoamiCommand implements Callable<Integer> {

    static final String PATH = "/api/v1/me";

    @ParentCommand
    TesseraCli root;

    @Option(names = "--json", description = "Print the server's JSON answer as it came.")
    boolean json;

    @Override
    public Integer call() {
        TesseraApiClient api = root.api();
        String body = api.get(PATH);
        PrintWriter out = root.out();
        if (json) {
            out.println(body);
            return ExitCode.OK;
        }
        CurrentUser user = api.read(body, CurrentUser.class, PATH);
        out.println("username: " + orEmpty(user.username()));
        out.println("email: " + orEmpty(user.email()));
        out.println("roles: " + joined(user.roles()));
        out.println("groups: " + joined(user.groups()));
        return ExitCode.OK;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String joined(List<String> values) {
        return values == null ? "" : String.join(", ", values);
    }
}
