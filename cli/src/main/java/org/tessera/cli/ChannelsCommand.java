package org.tessera.cli;

import java.io.PrintWriter;
import org.tessera.cli.client.TesseraApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code tessera channels}: conda channels and PyPI indexes (here: export and import for air-gapped transfer). */
@Command(name = "channels",
        description = "Conda channels and PyPI indexes.",
        subcommands = {ChannelExportCommand.class, ChannelImportCommand.class})
final class ChannelsCommand {

    @ParentCommand
    TesseraCli root;

    TesseraApiClient api() {
        CliContext context = root.context();
        return context.api(context.site(root.site));
    }

    PrintWriter out() {
        return root.context().out();
    }
}
