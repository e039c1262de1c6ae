package org.tessera.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tessera.cli.client.ExitCode;
import org.tessera.cli.client.TesseraApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code tessera projects}: projects, their versions, collaborators and archives. */
@Command(name = "projects",
        description = "Create, upload, list, show, share, tag, download and delete projects.",
        subcommands = {ProjectsCommand.Create.class, ProjectsCommand.Upload.class, ProjectsCommand.ListProjects.class,
            ProjectsCommand.Show.class, ProjectsCommand.Share.class, ProjectsCommand.Unshare.class, ProjectsCommand.Tag.class,
            ProjectsCommand.Download.class, ProjectsCommand.Delete.class})
final class ProjectsCommand {

    static final String PATH = "/api/v1/projects";

    @ParentCommand
    TesseraCli root;

    TesseraApiClient api() {
        return root.api();
    }

    PrintWriter out() {
        return root.out();
    }

    @Command(name = "create", description = "Create a project from a template.")
    static final class Create implements Callable<Integer> {
        @ParentCommand
        ProjectsCommand projects;

        @Parameters(paramLabel = "NAME", description = "Letters, digits, - and _; unique among your projects.")
        String name;

        @Option(names = "--template", paramLabel = "KEY", defaultValue = "python-notebook",
                description = "empty, python-notebook, flask-api, dashboard or scheduled-script (default: ${DEFAULT-VALUE}).")
        String template;

        @Option(names = "--description", paramLabel = "TEXT")
        String description;

        @Override
        public Integer call() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", name);
            body.put("template", template);
            body.put("description", description);
            TesseraApiClient api = projects.api();
            JsonNode created = api.read(api.post(PATH, body), JsonNode.class, PATH);
            projects.out().println("Created " + created.path("owner").asText() + "/" + created.path("name").asText() + " (id " + created.path("id").asText() + ").");
            projects.out().println("Clone it with: git clone " + created.path("gitUrl").asText());
            return ExitCode.OK;
        }
    }

    @Command(name = "list", description = "List the projects you can see.")
    static final class ListProjects implements Callable<Integer> {
        @ParentCommand
        ProjectsCommand projects;

        @Option(names = "--json", description = "Print the server's JSON answer as it came.")
        boolean json;

        @Override
        public Integer call() {
            TesseraApiClient api = projects.api();
            String body = api.get(PATH);
            PrintWriter out = projects.out();
            if (json) {
                out.println(body);
                return ExitCode.OK;
            }
            out.printf("%-16s  %-20s  %-32s  %s%n", "ID", "OWNER", "NAME", "TEMPLATE");
            for (JsonNode project : api.read(body, JsonNode.class, PATH)) {
                out.printf("%-16s  %-20s  %-32s  %s%n", project.path("id").asText(), project.path("owner").asText(),
                        project.path("name").asText(), project.path("template").asText());
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "show", description = "Show a project with its commands, packages and variables.")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        ProjectsCommand projects;

        @Parameters(paramLabel = "ID", description = "The project's id, from: tessera projects list")
        String id;

        @Option(names = "--json", description = "Print the server's JSON answer as it came.")
        boolean json;

        @Override
        public Integer call() {
            TesseraApiClient api = projects.api();
            String path = PATH + "/" + id;
            String body = api.get(path);
            PrintWriter out = projects.out();
            if (json) {
                out.println(body);
                return ExitCode.OK;
            }
            JsonNode detail = api.read(body, JsonNode.class, path);
            JsonNode project = detail.path("project");
            out.println("name: " + project.path("owner").asText() + "/" + project.path("name").asText());
            out.println("id: " + project.path("id").asText());
            out.println("git: " + project.path("gitUrl").asText());
            out.println("commands:");
            for (JsonNode command : detail.path("commands")) {
                out.println("  " + command.path("name").asText() + " (" + command.path("type").asText() + "): " + command.path("target").asText());
            }
            out.println("packages: " + String.join(", ", texts(detail.path("packages"))));
            out.println("variables: " + String.join(", ", detail.path("variables").findValuesAsText("name")));
            return ExitCode.OK;
        }

        private static java.util.List<String> texts(JsonNode array) {
            java.util.List<String> values = new java.util.ArrayList<>();
            array.forEach(v -> values.add(v.asText()));
            return values;
        }
    }

    static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Command(name = "upload", description = "Create a project from a .tar.gz, .tar.bz2 or .zip archive (up to 1 GB).")
    static final class Upload implements Callable<Integer> {
        @ParentCommand
        ProjectsCommand projects;

        @Parameters(paramLabel = "ARCHIVE", description = "The archive to upload.")
        java.nio.file.Path archive;

        @Option(names = "--name", paramLabel = "NAME", description = "The project's name (default: the archive's name without its extension).")
        String name;

        @Override
        public Integer call() {
            String fileName = archive.getFileName().toString();
            String projectName = name != null ? name : fileName.replaceFirst("\\.(tar\\.gz|tgz|tar\\.bz2|tbz2|zip)$", "");
            TesseraApiClient api = projects.api();
            String path = PATH + "/upload?name=" + encode(projectName) + "&filename=" + encode(fileName);
            JsonNode created = api.read(api.postFile(path, archive), JsonNode.class, path);
            projects.out().println("Created " + created.path("owner").asText() + "/" + created.path("name").asText() + " (id " + created.path("id").asText() + ") from " + fileName + ".");
            return ExitCode.OK;
        }
    }

    /** Exactly one of --user or --group. */
    static final class Who {
        @Option(names = "--user", paramLabel = "USER", required = true)
        String user;

        @Option(names = "--group", paramLabel = "GROUP", required = true)
        String group;
    }

    @Command(name = "share", description = "Share a project with a user or a group (read-write unless --level r).")
    static final class Share implements Callable<Integer> {
        @ParentCommand
        ProjectsCommand projects;

        @Parameters(paramLabel = "ID")
        String id;

        @picocli.CommandLine.ArgGroup(exclusive = true, multiplicity = "1")
        Who who;

        @Option(names = "--level", paramLabel = "r|rw", defaultValue = "rw", description = "r (read) or rw (read-write, the default).")
        String level;

        @Override
        public Integer call() {
            Map<String, Object> body = new LinkedHashMap<>();
            if (who.user != null) {
                body.put("user", who.user);
            } else {
                body.put("group", who.group);
            }
            body.put("permission", level);
            projects.api().post(PATH + "/" + id + "/collaborators", body);
            projects.out().println("Shared " + id + " with " + (who.user != null ? "user " + who.user : "group " + who.group) + " (" + level + ").");
            return ExitCode.OK;
        }
    }

    @Command(name = "unshare", description = "Remove a user's or a group's access to a project.")
    static final class Unshare implements Callable<Integer> {
        @ParentCommand
        ProjectsCommand projects;

        @Parameters(paramLabel = "ID")
        String id;

        @picocli.CommandLine.ArgGroup(exclusive = true, multiplicity = "1")
        Who who;

        @Override
        public Integer call() {
            String path = PATH + "/" + id + "/collaborators/" + (who.user != null ? "user/" + ApiPaths.segment(who.user) : "group/" + ApiPaths.segment(who.group));
            projects.api().delete(path);
            projects.out().println("Removed " + (who.user != null ? "user " + who.user : "group " + who.group) + " from " + id + ".");
            return ExitCode.OK;
        }
    }

    @Command(name = "tag", description = "Tag a commit (default: the newest of main) as a version.")
    static final class Tag implements Callable<Integer> {
        @ParentCommand
        ProjectsCommand projects;

        @Parameters(index = "0", paramLabel = "ID")
        String id;

        @Parameters(index = "1", paramLabel = "VERSION", description = "e.g. v1.0")
        String version;

        @Option(names = "--revision", paramLabel = "REV")
        String revision;

        @Option(names = {"-m", "--message"}, paramLabel = "TEXT")
        String message;

        @Override
        public Integer call() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", version);
            body.put("revision", revision);
            body.put("message", message);
            TesseraApiClient api = projects.api();
            String path = PATH + "/" + id + "/tags";
            JsonNode tag = api.read(api.post(path, body), JsonNode.class, path);
            projects.out().println("Tagged " + tag.path("commitId").asText() + " as " + tag.path("name").asText() + ".");
            return ExitCode.OK;
        }
    }

    @Command(name = "download", description = "Download a version of a project as an archive.")
    static final class Download implements Callable<Integer> {
        @ParentCommand
        ProjectsCommand projects;

        @Parameters(paramLabel = "ID")
        String id;

        @Option(names = "--revision", paramLabel = "REV", description = "A version, branch or commit (default: the newest of main).")
        String revision;

        @Option(names = "--format", paramLabel = "tar.gz|zip", defaultValue = "tar.gz")
        String format;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where to write it (default: ID[-REV].FORMAT here).")
        java.nio.file.Path output;

        @Override
        public Integer call() {
            java.nio.file.Path target = output != null ? output
                    : java.nio.file.Path.of(id + (revision == null ? "" : "-" + revision.replaceAll("[^A-Za-z0-9._-]", "_")) + "." + format);
            String path = PATH + "/" + id + "/archive?format=" + encode(format) + (revision == null ? "" : "&revision=" + encode(revision));
            projects.api().download(path, target);
            projects.out().println("Wrote " + target + ".");
            return ExitCode.OK;
        }
    }

    @Command(name = "delete", description = "Delete a project and its whole history.")
    static final class Delete implements Callable<Integer> {
        @ParentCommand
        ProjectsCommand projects;

        @Parameters(paramLabel = "ID")
        String id;

        @Option(names = "--yes", description = "Confirm the deletion; without it nothing is deleted.")
        boolean yes;

        @Override
        public Integer call() {
            if (!yes) {
                projects.root.context().err().println("Deleting " + id + " removes the project and its whole history. Run again with --yes to confirm.");
                return ExitCode.USAGE;
            }
            projects.api().delete(PATH + "/" + id);
            projects.out().println("Deleted " + id + ".");
            return ExitCode.OK;
        }
    }
}
