package org.tessera.projects.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code anaconda-project.yml}, understood: what the project needs (channels, conda and pip
 * packages, environment specs, variables, downloads, services) and what it can run ({@code
 * commands}). Keys Tessera does not know are kept in {@code otherKeys}, as plain YAML values, so
 * that rewriting the file never loses them. Collections keep the file's order.
 */
public record ProjectSpec(
    String name,
    String description,
    List<String> channels,
    List<String> packages,
    List<String> pipPackages,
    Map<String, EnvSpec> envSpecs,
    Map<String, Command> commands,
    Map<String, Variable> variables,
    Map<String, Download> downloads,
    Map<String, String> services,
    Map<String, Object> otherKeys) {

  public ProjectSpec {
    channels = List.copyOf(channels);
    packages = List.copyOf(packages);
    pipPackages = List.copyOf(pipPackages);
    envSpecs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(envSpecs));
    commands = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(commands));
    variables = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(variables));
    downloads = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(downloads));
    services = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(services));
    otherKeys = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(otherKeys));
  }

  /** The command a deployment or job runs when none is named: {@code default}, else the first. */
  public Optional<Command> defaultCommand() {
    Command named = commands.get("default");
    return named != null ? Optional.of(named) : commands.values().stream().findFirst();
  }

  /** What kind of program a command starts. */
  public enum CommandType {
    NOTEBOOK("notebook"),
    BOKEH_APP("bokeh_app"),
    UNIX("unix"),
    REST_API("rest_api");

    private final String key;

    CommandType(String key) {
      this.key = key;
    }

    /** The YAML key that declares a command of this type. */
    public String key() {
      return key;
    }
  }

  /**
   * A named command: its type and target (a notebook file, a Bokeh app directory, a shell command
   * line), whether it understands the {@code --anaconda-project-*} HTTP options, and the
   * environment spec it runs in (null: the default one).
   */
  public record Command(String name, CommandType type, String target, boolean supportsHttpOptions, String envSpec, String description) {}

  /** A named environment: its own channels and packages on top of those it inherits. */
  public record EnvSpec(
      String name, String description, List<String> channels, List<String> packages, List<String> pipPackages, List<String> inheritFrom, List<String> platforms) {

    public EnvSpec {
      channels = List.copyOf(channels);
      packages = List.copyOf(packages);
      pipPackages = List.copyOf(pipPackages);
      inheritFrom = List.copyOf(inheritFrom);
      platforms = List.copyOf(platforms);
    }
  }

  /** An environment variable the project reads; {@code defaultValue} null when it has none. */
  public record Variable(String name, String description, String defaultValue, boolean encrypted) {}

  /** A file fetched into the project before it runs. */
  public record Download(String name, String url, String filename, String description, String sha256) {}
}
