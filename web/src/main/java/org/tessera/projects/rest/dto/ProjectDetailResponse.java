package org.tessera.projects.rest.dto;

import java.util.List;
import org.tessera.projects.domain.ProjectSpec;

/** A project with what its anaconda-project.yml declares: commands, packages, variables. */
public record ProjectDetailResponse(ProjectResponse project, List<CommandResponse> commands, List<String> packages, List<String> pipPackages, List<String> channels, List<VariableResponse> variables) {

  public static ProjectDetailResponse from(ProjectResponse project, ProjectSpec spec) {
    return new ProjectDetailResponse(
        project,
        spec.commands().values().stream()
            .map(c -> new CommandResponse(c.name(), c.type().key(), c.target(), c.supportsHttpOptions(), c.envSpec(), c.description()))
            .toList(),
        spec.packages(),
        spec.pipPackages(),
        spec.channels(),
        spec.variables().values().stream().map(v -> new VariableResponse(v.name(), v.description(), v.defaultValue())).toList());
  }

  /** One command of the project. */
  public record CommandResponse(String name, String type, String target, boolean supportsHttpOptions, String envSpec, String description) {}

  /** One variable of the project. */
  public record VariableResponse(String name, String description, String defaultValue) {}
}
