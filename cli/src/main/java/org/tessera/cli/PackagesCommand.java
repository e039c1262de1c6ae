package org.tessera.cli;

import static org.tessera.cli.ChannelsCommand.PATH;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.tessera.cli.client.CliException;
import org.tessera.cli.client.ExitCode;
import org.tessera.cli.client.ProblemException;
import org.tessera.cli.client.TesseraApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code tessera packages}: upload package files to a channel, list and remove them. */
@Command(name = "packages", description = "Upload conda packages, wheels and sdists to a channel; list and remove them.",
        subcommands = {PackagesCommand.Upload.class, PackagesCommand.ListPackages.class, PackagesCommand.Remove.class})
final class PackagesCommand {

    @ParentCommand
    TesseraCli root;

    TesseraApiClient api() {
        return root.api();
    }

    PrintWriter out() {
        return root.out();
    }

    @Command(name = "upload", description = {"Upload package files (.tar.bz2, .conda, .whl, .tar.gz, .zip; 1 GB each at most), streamed.",
        "Name, version and platform are read from inside each file. Every file is tried; the command fails if any was refused."})
    static final class Upload implements Callable<Integer> {
        @ParentCommand
        PackagesCommand packages;

        @Option(names = {"-c", "--channel"}, required = true, paramLabel = "CHANNEL")
        String channel;

        @Parameters(paramLabel = "FILE", arity = "1..*")
        List<Path> files;

        @Override
        public Integer call() {
            TesseraApiClient api = packages.api();
            String path = PATH + "/" + ApiPaths.segment(channel) + "/files";
            List<String> refused = new ArrayList<>();
            for (Path file : files) {
                try {
                    JsonNode published = api.read(api.postMultipart(path, "file", file), JsonNode.class, path);
                    packages.out().println("Uploaded " + file.getFileName() + ": " + published.path("name").asText() + " " + published.path("version").asText()
                            + " (" + published.path("subdir").asText() + ") sha256 " + published.path("sha256").asText());
                } catch (ProblemException e) {
                    if (files.size() == 1 || e.status() == 401) {
                        throw e;
                    }
                    packages.out().flush();
                    packages.root.context().err().println(file.getFileName() + ": " + e.getMessage());
                    refused.add(file.getFileName().toString());
                } catch (CliException e) {
                    packages.root.context().err().println(file.getFileName() + ": " + e.getMessage());
                    refused.add(file.getFileName().toString());
                }
            }
            if (!refused.isEmpty()) {
                throw new CliException(refused.size() + " of " + files.size() + " files were not uploaded: " + String.join(", ", refused)
                        + "; the others are published.");
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "list", description = "List a channel's packages, or one package's files (with PKG).")
    static final class ListPackages implements Callable<Integer> {
        @ParentCommand
        PackagesCommand packages;

        @Option(names = {"-c", "--channel"}, required = true, paramLabel = "CHANNEL")
        String channel;

        @Parameters(paramLabel = "PKG", arity = "0..1", description = "A package: list its files and the command that installs it.")
        String pkg;

        @Option(names = "--json", description = "Print the server's JSON answer as it came.")
        boolean json;

        @Override
        public Integer call() {
            TesseraApiClient api = packages.api();
            String path = PATH + "/" + ApiPaths.segment(channel) + "/packages" + (pkg == null ? "" : "/" + ApiPaths.segment(pkg));
            String body = api.get(path);
            PrintWriter out = packages.out();
            if (json) {
                out.println(body);
                return ExitCode.OK;
            }
            JsonNode answer = api.read(body, JsonNode.class, path);
            if (pkg == null) {
                if (answer.isEmpty()) {
                    out.println("No packages in " + channel + ".");
                    return ExitCode.OK;
                }
                out.printf("%-30s  %-14s  %-24s  %-30s  %9s%n", "PACKAGE", "LATEST", "PLATFORMS", "VERSIONS", "DOWNLOADS");
                for (JsonNode p : answer) {
                    out.printf("%-30s  %-14s  %-24s  %-30s  %9d%n", p.path("name").asText(), p.path("latestVersion").asText(), ChannelsCommand.join(p.path("platforms")),
                            ChannelsCommand.join(p.path("versions")), p.path("downloads").asLong());
                }
                return ExitCode.OK;
            }
            out.println(answer.path("name").asText() + " " + answer.path("latestVersion").asText() + " in " + answer.path("channel").asText() + ", "
                    + answer.path("downloads").asLong() + " downloads");
            out.println("  install: " + answer.path("installCommand").asText());
            out.printf("  %-14s  %-12s  %-50s  %10s  %s%n", "VERSION", "PLATFORM", "FILE", "SIZE", "SHA256");
            for (JsonNode f : answer.path("files")) {
                out.printf("  %-14s  %-12s  %-50s  %10d  %s%n", f.path("version").asText(), f.path("subdir").asText(), f.path("filename").asText(),
                        f.path("size").asLong(), f.path("sha256").asText());
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "remove", description = "Remove a version of a package (--version) or one file (--file SUBDIR/FILENAME).")
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        PackagesCommand packages;

        @Option(names = {"-c", "--channel"}, required = true, paramLabel = "CHANNEL")
        String channel;

        @Parameters(paramLabel = "PKG")
        String pkg;

        @Option(names = "--version", paramLabel = "VERSION", description = "Remove every file of this version.")
        String version;

        @Option(names = "--file", paramLabel = "SUBDIR/FILENAME", description = "Remove this file only, e.g. linux-64/numpy-1.26.4-py311_0.conda.")
        String file;

        @Override
        public Integer call() {
            TesseraApiClient api = packages.api();
            String base = PATH + "/" + ApiPaths.segment(channel);
            if (file != null) {
                int slash = file.indexOf('/');
                if (slash <= 0 || slash == file.length() - 1 || file.indexOf('/', slash + 1) >= 0) {
                    throw new CliException("--file is SUBDIR/FILENAME, e.g. noarch/" + pkg + "-1.0-0.tar.bz2; see: tessera packages list --channel " + channel + " " + pkg);
                }
                api.delete(base + "/files/" + ApiPaths.segment(file.substring(0, slash)) + "/" + ApiPaths.segment(file.substring(slash + 1)));
                packages.out().println("Removed " + file + " from " + channel + ".");
                return ExitCode.OK;
            }
            List<String> versions = new ArrayList<>();
            if (version != null) {
                versions.add(version);
            } else {
                String path = base + "/packages/" + ApiPaths.segment(pkg);
                api.read(api.get(path), JsonNode.class, path).path("versions").forEach(v -> versions.add(v.asText()));
            }
            for (String v : versions) {
                api.delete(base + "/packages/" + ApiPaths.segment(pkg) + "/versions/" + ApiPaths.segment(v));
                packages.out().println("Removed " + pkg + " " + v + " from " + channel + ".");
            }
            return ExitCode.OK;
        }
    }
}
