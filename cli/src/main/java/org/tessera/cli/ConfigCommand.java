package org.tessera.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.tessera.cli.client.CliConfig;
import org.tessera.cli.client.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code tessera config set|get|list|unset}: the settings in {@code config.yaml}, by dotted key. */
@Command(name = "config",
        description = {"Read and change the settings in $TESSERA_CONFIG_DIR/config.yaml (default ~/.tessera-cli).",
            "Keys: " + CliConfig.KNOWN_KEYS + "."})
final class ConfigCommand implements Callable<Integer> {

    @ParentCommand
    TesseraCli root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(root.context().err());
        return ExitCode.USAGE;
    }

    @Command(name = "set", description = "Set KEY to VALUE, e.g. sites.master.url http://localhost:8080.")
    int set(@Parameters(index = "0", paramLabel = "KEY") String key,
            @Parameters(index = "1", paramLabel = "VALUE") String value) {
        CliConfig config = root.context().config();
        config.set(key, value);
        config.save();
        return ExitCode.OK;
    }

    @Command(name = "get", description = "Print the value of KEY (its default when unset).")
    int get(@Parameters(index = "0", paramLabel = "KEY") String key) {
        CliContext context = root.context();
        return context.config().get(key).map(value -> {
            context.out().println(value);
            return ExitCode.OK;
        }).orElseGet(() -> {
            context.err().println(key + " is not set.");
            return ExitCode.FAILURE;
        });
    }

    @Command(name = "list", description = "Print every setting as 'key: value', defaults included.")
    int list() {
        CliContext context = root.context();
        for (Map.Entry<String, String> entry : context.config().list().entrySet()) {
            context.out().println(entry.getKey() + ": " + entry.getValue());
        }
        return ExitCode.OK;
    }

    @Command(name = "unset", description = "Remove KEY, so that its default applies again.")
    int unset(@Parameters(index = "0", paramLabel = "KEY") String key) {
        CliConfig config = root.context().config();
        if (config.unset(key)) {
            config.save();
        } else {
            root.context().err().println(key + " was not set.");
        }
        return ExitCode.OK;
    }
}
