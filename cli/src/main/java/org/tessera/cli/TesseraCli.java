package org.tessera.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tessera.cli.client.CliException;
import org.tessera.cli.client.ExitCode;
import org.tessera.cli.client.Sleeper;
import org.tessera.cli.client.TesseraApiClient;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/** The {@code tessera} top command: parses the verb, runs it, and turns failures into messages and exit codes. */
@Command(name = "tessera",
        mixinStandardHelpOptions = true,
        versionProvider = TesseraCli.Version.class,
        description = "Command-line client of the Tessera data-science platform.",
        subcommands = {
            AdminCommand.class,
            ConfigCommand.class,
            LoginCommand.class,
            LogoutCommand.class,
            MirrorCommand.class,
            ProjectsCommand.class,
            SessionsCommand.class,
            DeploymentsCommand.class,
            ChannelsCommand.class,
            PackagesCommand.class,
            TokensCommand.class,
            WhoamiCommand.class,
            CommandLine.HelpCommand.class
        })
public final class TesseraCli implements Callable<Integer> {

    @Option(names = "--site", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "Site from the config to use (default: the default_site setting, else master).")
    String site;

    @Spec
    CommandSpec spec;

    private final CliContext context;

    private TesseraCli(CliContext context) {
        this.context = context;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.in, System.getenv()));
    }

    /**
     * Runs one {@code tessera} command in-process and returns its exit code; never calls
     * {@code System.exit}. {@code env} stands in for the process environment
     * ({@code TESSERA_CONFIG_DIR}, {@code TESSERA_URL}, {@code TESSERA_DEBUG}); {@code in} is read
     * by {@code login --password-stdin}.
     */
    public static int run(String[] args, PrintStream out, PrintStream err, InputStream in, Map<String, String> env) {
        return run(args, out, err, in, env, Clock.systemUTC(), Sleeper.system());
    }

    /** As {@link #run(String[], PrintStream, PrintStream, InputStream, Map)}, with the time source replaced for tests. */
    static int run(String[] args, PrintStream out, PrintStream err, InputStream in, Map<String, String> env,
            Clock clock, Sleeper sleeper) {
        PrintWriter outWriter = new PrintWriter(out, true);
        PrintWriter errWriter = new PrintWriter(err, true);
        CliContext context = new CliContext(outWriter, errWriter, in, env, clock, sleeper);
        CommandLine commandLine = new CommandLine(new TesseraCli(context))
                .setOut(outWriter)
                .setErr(errWriter)
                .setParameterExceptionHandler(TesseraCli::usageError)
                .setExecutionExceptionHandler((e, cmd, parsed) -> failure(e, context));
        try {
            return commandLine.execute(args);
        } finally {
            outWriter.flush();
            errWriter.flush();
        }
    }

    CliContext context() {
        return context;
    }

    /** The API client for the site of {@code --site}, or the current one; what every command calls the platform with. */
    TesseraApiClient api() {
        return context.api(context.site(site));
    }

    PrintWriter out() {
        return context.out();
    }

    /** Bare {@code tessera}: there is nothing to do without a verb. */
    @Override
    public Integer call() {
        spec.commandLine().usage(context.err());
        return ExitCode.USAGE;
    }

    private static int usageError(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("Error: " + e.getMessage());
        UnmatchedArgumentException.printSuggestions(e, err);
        err.println("See: " + command.getCommandSpec().qualifiedName() + " --help");
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    private static int failure(Exception e, CliContext context) {
        if (e instanceof CliException expected) {
            context.err().println("Error: " + expected.getMessage());
            return expected.exitCode();
        }
        // Not a user error: a bug. Keep the trace out of the user's way unless asked for it.
        context.err().println("Error: unexpected failure: " + e);
        if (context.env().containsKey("TESSERA_DEBUG")) {
            e.printStackTrace(context.err());
        } else {
            context.err().println("Set TESSERA_DEBUG=1 to see the stack trace.");
        }
        return ExitCode.FAILURE;
    }

    /** The version from the jar manifest, written there by the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = TesseraCli.class.getPackage().getImplementationVersion();
            return new String[] {"tessera " + (version != null ? version : "(development build)")};
        }
    }
}
