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

/** {@code tessera projects}: create, list and show projects. */
@Command(name = "projects",
        description = "Create, list and show projects.",
        subcommands = {ProjectsCommand.Create.class, ProjectsCommand.ListProjects.class, ProjectsCommand.Show.class})
final class ProjectsCommand {

    static final String PATH = "/api/v1/projects";

    @ParentCommand
    TesseraCli root;

    TesseraApiClient api() {
        CliContext context = root.context();
        return context.api(context.site(root.site));
    }

    PrintWriter out() {
        return root.context().out();
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
}
