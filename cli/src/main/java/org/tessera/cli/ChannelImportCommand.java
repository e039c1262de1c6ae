package org.tessera.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tessera.cli.client.ExitCode;
import org.tessera.cli.client.TesseraApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code tessera channels import FILE}: an exported archive, checked by the server before anything is published. */
@Command(name = "import", description = "Import an archive written by 'tessera channels export'; every file is checked before anything is published.")
final class ChannelImportCommand implements Callable<Integer> {

    @ParentCommand
    ChannelsCommand channels;

    @Parameters(paramLabel = "FILE", description = "The archive.")
    Path file;

    @Option(names = "--channel", paramLabel = "NAME", description = "Import into this channel instead of the one the archive names.")
    String channel;

    @Override
    public Integer call() {
        TesseraApiClient api = channels.api();
        String path = "/api/v1/channels/import" + (channel == null ? "" : "?channel=" + URLEncoder.encode(channel, StandardCharsets.UTF_8));
        JsonNode report = api.read(api.postFile(path, file), JsonNode.class, path);
        channels.out().println((report.path("created").asBoolean() ? "Created " : "Imported into ") + report.path("type").asText() + " channel "
                + report.path("channel").asText() + ": " + report.path("published").size() + " file(s) published, " + report.path("skipped").size()
                + " already there.");
        for (JsonNode skipped : report.path("skipped")) {
            channels.out().println("  skipped " + skipped.asText());
        }
        return ExitCode.OK;
    }
}
