package org.tessera.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tessera.cli.client.CliException;
import org.tessera.cli.client.ExitCode;
import org.tessera.cli.client.TesseraApiClient;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code tessera channels}: conda channels and PyPI indexes, as the seed's {@code anaconda-enterprise-cli
 * channels}. Mirroring adds {@code export} and {@code import} here.
 */
@Command(name = "channels",
        description = "Conda channels and PyPI indexes: list, create, delete, share, show, export, import, and the generated .condarc and pip.conf.",
        subcommands = {ChannelsCommand.ListChannels.class, ChannelsCommand.Create.class, ChannelsCommand.Delete.class, ChannelsCommand.Share.class,
            ChannelsCommand.Unshare.class, ChannelsCommand.Show.class, ChannelsCommand.Config.class, ChannelExportCommand.class, ChannelImportCommand.class})
final class ChannelsCommand {

    static final String PATH = "/api/v1/channels";

    @ParentCommand
    TesseraCli root;

    TesseraApiClient api() {
        return root.api();
    }

    PrintWriter out() {
        return root.out();
    }

    /** {@code r}/{@code read} or {@code rw}/{@code read-write}, as the API takes it. */
    static String level(String level) {
        return switch (level.strip().toLowerCase(Locale.ROOT)) {
            case "r", "read" -> "read";
            case "rw", "read-write", "write" -> "read-write";
            default -> throw new CliException("--level is r (read) or rw (read-write), not '" + level + "'.");
        };
    }

    @Command(name = "list", description = "List the channels you can read: yours, shared with you, and the public ones.")
    static final class ListChannels implements Callable<Integer> {
        @ParentCommand
        ChannelsCommand channels;

        @Option(names = "--json", description = "Print the server's JSON answer as it came.")
        boolean json;

        @Override
        public Integer call() {
            TesseraApiClient api = channels.api();
            String body = api.get(PATH);
            PrintWriter out = channels.out();
            if (json) {
                out.println(body);
                return ExitCode.OK;
            }
            JsonNode list = api.read(body, JsonNode.class, PATH);
            if (list.isEmpty()) {
                out.println("No channels. Create one with: tessera channels create NAME");
                return ExitCode.OK;
            }
            out.printf("%-24s  %-5s  %-8s  %-12s  %-10s  %6s  %-20s  %s%n", "NAME", "TYPE", "ACCESS", "OWNER", "YOU", "FILES", "UPDATED", "URL");
            for (JsonNode c : list) {
                out.printf("%-24s  %-5s  %-8s  %-12s  %-10s  %6d  %-20s  %s%n", c.path("name").asText(), c.path("type").asText(),
                        c.path("private").asBoolean() ? "private" : "public", c.path("owner").asText(), access(c), c.path("files").asLong(),
                        c.path("updatedAt").asText().replaceFirst("\\.\\d+", "").replace('T', ' '), c.path("url").asText());
            }
            return ExitCode.OK;
        }
    }

    static String access(JsonNode channel) {
        return channel.path("canManage").asBoolean() ? "owner" : channel.path("canWrite").asBoolean() ? "read-write" : "read";
    }

    @Command(name = "create", description = "Create a channel, public by default (anyone who can reach Tessera may download from it).")
    static final class Create implements Callable<Integer> {
        @ParentCommand
        ChannelsCommand channels;

        @Parameters(paramLabel = "NAME", description = "Lowercase letters, digits, dots, dashes and underscores.")
        String name;

        @Option(names = "--type", paramLabel = "conda|pypi", defaultValue = "conda", description = "conda (default) or pypi.")
        String type;

        @Option(names = "--private", description = "Only you, those you share it with, and their tokens.")
        boolean isPrivate;

        @Override
        public Integer call() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", name);
            body.put("type", type);
            body.put("private", isPrivate);
            TesseraApiClient api = channels.api();
            JsonNode created = api.read(api.post(PATH, body), JsonNode.class, PATH);
            channels.out().println("Created " + (created.path("private").asBoolean() ? "private " : "public ") + created.path("type").asText() + " channel "
                    + created.path("name").asText() + " at " + created.path("url").asText());
            return ExitCode.OK;
        }
    }

    @Command(name = "delete", description = "Delete a channel with all its packages (its owner or an administrator).")
    static final class Delete implements Callable<Integer> {
        @ParentCommand
        ChannelsCommand channels;

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            channels.api().delete(PATH + "/" + ApiPaths.segment(name));
            channels.out().println("Deleted channel " + name + ".");
            return ExitCode.OK;
        }
    }

    /** Exactly one of the share targets. */
    static final class Target {
        @Option(names = "--user", paramLabel = "USER")
        String user;

        @Option(names = "--group", paramLabel = "GROUP")
        String group;

        String kind() {
            return user != null ? "user" : "group";
        }

        String name() {
            return user != null ? user : group;
        }
    }

    @Command(name = "share", description = {"Share a channel with a user or a group, read (--level r) or read-write (rw, the default);",
        "--remove stops sharing; --public or --private changes who may download without a share."})
    static final class Share implements Callable<Integer> {
        @ParentCommand
        ChannelsCommand channels;

        @Parameters(paramLabel = "NAME")
        String name;

        static final class Choice {
            @ArgGroup(exclusive = true, multiplicity = "1")
            Target target;

            @Option(names = "--public", description = "Anyone who can reach Tessera may download from it.")
            boolean makePublic;

            @Option(names = "--private", description = "Only the owner, the shares and their tokens.")
            boolean makePrivate;
        }

        @ArgGroup(exclusive = true, multiplicity = "1")
        Choice choice;

        @Option(names = "--level", paramLabel = "r|rw", defaultValue = "rw", description = "r (read) or rw (read-write, the default).")
        String level;

        @Option(names = "--remove", description = "Stop sharing with the user or group.")
        boolean remove;

        @Override
        public Integer call() {
            TesseraApiClient api = channels.api();
            String path = PATH + "/" + ApiPaths.segment(name);
            if (choice.makePublic || choice.makePrivate) {
                api.put(path + "/visibility", Map.of("private", choice.makePrivate));
                channels.out().println("Channel " + name + " is " + (choice.makePrivate ? "private" : "public") + " now.");
                return ExitCode.OK;
            }
            Target target = choice.target;
            if (remove) {
                return unshare(channels, name, target);
            }
            String permission = level(level);
            api.post(path + "/shares", Map.of(target.kind(), target.name(), "permission", permission));
            channels.out().println("Shared channel " + name + " with " + target.kind() + " " + target.name() + " (" + permission + ").");
            return ExitCode.OK;
        }
    }

    static int unshare(ChannelsCommand channels, String name, Target target) {
        channels.api().delete(PATH + "/" + ApiPaths.segment(name) + "/shares/" + target.kind() + "/" + ApiPaths.segment(target.name()));
        channels.out().println("Channel " + name + " is no longer shared with " + target.kind() + " " + target.name() + ".");
        return ExitCode.OK;
    }

    @Command(name = "unshare", description = "Stop sharing a channel with a user or a group (same as share --remove).")
    static final class Unshare implements Callable<Integer> {
        @ParentCommand
        ChannelsCommand channels;

        @Parameters(paramLabel = "NAME")
        String name;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Target target;

        @Override
        public Integer call() {
            return unshare(channels, name, target);
        }
    }

    @Command(name = "show", description = "Show a channel: its URL, access, shares and packages.")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        ChannelsCommand channels;

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            TesseraApiClient api = channels.api();
            String path = PATH + "/" + ApiPaths.segment(name);
            JsonNode c = api.read(api.get(path), JsonNode.class, path);
            JsonNode packages = api.read(api.get(path + "/packages"), JsonNode.class, path + "/packages");
            PrintWriter out = channels.out();
            out.println(c.path("name").asText() + " (" + c.path("type").asText() + ", " + (c.path("private").asBoolean() ? "private" : "public") + ") at "
                    + c.path("url").asText());
            out.println("  owner " + c.path("owner").asText() + ", " + c.path("files").asLong() + " files, updated " + c.path("updatedAt").asText()
                    + ", you: " + access(c));
            if (c.path("private").asBoolean()) {
                out.println("  private: clients send a token (tessera tokens create NAME): "
                        + (c.path("type").asText().equals("pypi") ? "https://USER:TOKEN@HOST/repository/pypi/" + c.path("name").asText() + "/simple/"
                        : "HOST/repository/conda/t/TOKEN/" + c.path("name").asText()));
            }
            for (JsonNode s : c.path("shares")) {
                out.println("  shared with " + s.path("kind").asText() + " " + s.path("name").asText() + " (" + s.path("level").asText() + ")");
            }
            if (packages.isEmpty()) {
                out.println("  no packages yet; upload with: tessera packages upload --channel " + c.path("name").asText() + " FILE");
            }
            for (JsonNode p : packages) {
                out.printf("  %-30s %-14s %-24s %d downloads%n", p.path("name").asText(), p.path("latestVersion").asText(),
                        join(p.path("platforms")),
                        p.path("downloads").asLong());
            }
            return ExitCode.OK;
        }
    }

    static String join(JsonNode array) {
        StringBuilder out = new StringBuilder();
        array.forEach(v -> out.append(out.isEmpty() ? "" : ",").append(v.asText()));
        return out.toString();
    }

    @Command(name = "config", description = {"Print the .condarc (condarc) or pip.conf (pip) of this platform's channel settings,",
        "the same that sessions and deployments get; e.g. tessera channels config condarc > ~/.condarc"})
    static final class Config implements Callable<Integer> {
        @ParentCommand
        ChannelsCommand channels;

        @Parameters(paramLabel = "condarc|pip")
        String which;

        @Override
        public Integer call() {
            String file = switch (which.strip().toLowerCase(Locale.ROOT)) {
                case "condarc", ".condarc", "conda" -> "condarc";
                case "pip", "pip.conf" -> "pip.conf";
                default -> throw new CliException("Say which file: condarc or pip.");
            };
            channels.out().print(channels.api().getText(PATH + "/config/" + file));
            channels.out().flush();
            return ExitCode.OK;
        }
    }
}
