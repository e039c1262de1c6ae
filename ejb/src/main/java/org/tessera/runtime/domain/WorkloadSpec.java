package org.tessera.runtime.domain;

import java.util.List;
import java.util.Map;

/**
 * Everything a runtime needs to run a workload.
 *
 * @param id unique, DNS-label safe (lowercase letters, digits, dashes), at most 40 characters;
 *     runtimes derive process directories and Pod/Service names from it
 * @param repositoryUrl where the project's files come from (a git URL the runtime can clone, with
 *     credentials in it where needed); the workload runs in a checkout of {@code revision}
 * @param command the program and its arguments; {@code {port}} in an argument or an environment
 *     value is replaced by the port the workload must listen on
 * @param files extra files to place relative to the checkout (secrets, configuration), by path
 * @param port the port inside the workload; 0 lets the runtime choose (local: a free loopback port;
 *     kubernetes: the seed's 8086)
 * @param labels owner, project and kind are added by the runtime; these come on top
 */
public record WorkloadSpec(
    String id,
    WorkloadKind kind,
    String owner,
    String projectId,
    String repositoryUrl,
    String revision,
    List<String> command,
    Map<String, String> environment,
    Map<String, String> files,
    ResourceProfile profile,
    int port,
    Map<String, String> labels) {

  public WorkloadSpec {
    if (id == null || !id.matches("[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?")) {
      throw new IllegalArgumentException("A workload id is a DNS label of at most 40 characters: " + id);
    }
    if (command == null || command.isEmpty()) {
      throw new IllegalArgumentException("A workload needs a command.");
    }
    command = List.copyOf(command);
    environment = environment == null ? Map.of() : Map.copyOf(environment);
    files = files == null ? Map.of() : Map.copyOf(files);
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }

  /**
   * This spec with {@code defaults} added to its environment where it sets nothing itself: the
   * platform-wide settings every workload gets (such as the package sources of the channels
   * context), which a project's own variables override.
   */
  public WorkloadSpec withDefaultEnvironment(Map<String, String> defaults) {
    if (defaults == null || defaults.isEmpty()) {
      return this;
    }
    Map<String, String> merged = new java.util.HashMap<>(defaults);
    merged.putAll(environment);
    return new WorkloadSpec(id, kind, owner, projectId, repositoryUrl, revision, command, merged, files, profile, port, labels);
  }
}
