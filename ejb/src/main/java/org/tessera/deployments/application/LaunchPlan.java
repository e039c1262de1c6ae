package org.tessera.deployments.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tessera.deployments.domain.NotDeployableException;
import org.tessera.projects.domain.ProjectSpec;

/**
 * How a command of {@code anaconda-project.yml} runs as a deployment: the program and its arguments,
 * its environment and any file it needs. Commands that declare {@code supports_http_options} get the
 * seed's {@code --anaconda-project-*} arguments; every command gets {@code HOST}, {@code PORT} and
 * {@code URL_PREFIX}, and the project's variables with their defaults. {@code {port}} is left for
 * the runtime to fill in.
 *
 * @param files relative to the checkout
 */
public record LaunchPlan(List<String> command, Map<String, String> environment, Map<String, String> files) {

  /** Where a notebook deployment's Jupyter configuration lands in the checkout (hidden from its tree). */
  static final String NOTEBOOK_CONFIG = ".tessera/jupyter_notebook_config.py";

  /**
   * Jupyter Notebook serving a deployed notebook: it runs, but nothing can be saved, renamed or
   * deleted (the seed's "read-only but executable"); changes belong in a session and a new version.
   */
  static final String READ_ONLY_NOTEBOOK = """
      from notebook.services.contents.filemanager import FileContentsManager
      from tornado import web

      REFUSAL = "This deployment is read-only: run its cells freely, and make changes in a session of the project, then deploy the new version."

      class ReadOnlyContentsManager(FileContentsManager):
          def save(self, model, path=""):
              raise web.HTTPError(403, REFUSAL)

          def delete_file(self, path):
              raise web.HTTPError(403, REFUSAL)

          def rename_file(self, old_path, new_path):
              raise web.HTTPError(403, REFUSAL)

          def new_untitled(self, path="", type="", ext=""):
              raise web.HTTPError(403, REFUSAL)

      c.NotebookApp.contents_manager_class = ReadOnlyContentsManager
      """;

  /**
   * @param host the address the program listens on: loopback for local processes, all addresses in a Pod
   * @param urlPrefix the deployment's path without the trailing slash, e.g. {@code /apps/sales}
   */
  public static LaunchPlan of(ProjectSpec spec, String commandName, String host, String urlPrefix, String secret) {
    ProjectSpec.Command command = spec.commands().get(commandName);
    if (command == null) {
      throw new NotDeployableException("The project has no command '" + commandName + "'; it declares " + spec.commands().keySet() + " in anaconda-project.yml.");
    }
    Map<String, String> environment = new LinkedHashMap<>();
    spec.variables().values().stream().filter(v -> v.defaultValue() != null).forEach(v -> environment.put(v.name(), v.defaultValue()));
    environment.put("HOST", host);
    environment.put("PORT", "{port}");
    environment.put("URL_PREFIX", urlPrefix);
    environment.put("ANACONDA_PROJECT_URL_PREFIX", urlPrefix);
    List<String> httpOptions = List.of(
        "--anaconda-project-host=" + host,
        "--anaconda-project-port={port}",
        "--anaconda-project-address=" + host,
        "--anaconda-project-url-prefix=" + urlPrefix,
        "--anaconda-project-no-browser",
        "--anaconda-project-use-xheaders",
        "--anaconda-project-iframe-hosts=*");
    return switch (command.type()) {
      case UNIX, REST_API -> {
        String line = command.target();
        if (command.supportsHttpOptions()) {
          line = line + " " + String.join(" ", httpOptions);
        }
        // A shell, because the seed's unix commands are shell lines; runtimes stop its whole process tree.
        yield new LaunchPlan(List.of("/bin/sh", "-c", line), environment, Map.of());
      }
      case BOKEH_APP -> new LaunchPlan(List.of(
              "bokeh", "serve", command.target(), "--port={port}", "--address=" + host, "--prefix=" + urlPrefix,
              "--allow-websocket-origin=*", "--use-xheaders"),
          environment, Map.of());
      case NOTEBOOK -> {
        List<String> jupyter = new ArrayList<>(List.of(
            "jupyter-notebook",
            "--config=" + NOTEBOOK_CONFIG,
            "--no-browser",
            "--ip=" + host,
            "--port={port}",
            "--NotebookApp.base_url=" + urlPrefix + "/",
            "--NotebookApp.default_url=/notebooks/" + command.target(),
            "--NotebookApp.token=" + secret,
            "--NotebookApp.password=",
            "--NotebookApp.allow_remote_access=True",
            "--NotebookApp.trust_xheaders=True",
            "--allow-root"));
        yield new LaunchPlan(jupyter, environment, Map.of(NOTEBOOK_CONFIG, READ_ONLY_NOTEBOOK));
      }
    };
  }
}
