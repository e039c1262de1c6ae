package org.tessera.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tessera.cli.client.ExitCode;
import org.tessera.cli.client.TesseraApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code tessera channels export NAME -o FILE}: the channel as one archive for an air-gapped Tessera. */
@Command(name = "export", description = "Export a channel with its index and checksums to one .tar archive, to import on another Tessera.")
final class ChannelExportCommand implements Callable<Integer> {

    @ParentCommand
    ChannelsCommand channels;

    @Parameters(paramLabel = "NAME", description = "The channel.")
    String name;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where to write the archive (default: NAME.tar).")
    Path output;

    @Override
    public Integer call() {
        Path target = output != null ? output : Path.of(name + ".tar");
        TesseraApiClient api = channels.api();
        api.download("/api/v1/channels/" + name + "/export", target);
        channels.out().println("Exported channel " + name + " to " + target + "; import it with: tessera channels import " + target);
        return ExitCode.OK;
    }
}
