package org.tessera.projects.rest.dto;

import java.util.List;
import org.tessera.projects.domain.ProjectAccess;
import org.tessera.projects.domain.ProjectSpec;

/** A project with the caller's access, its shares, and what its anaconda-project.yml declares. */
public record ProjectDetailResponse(ProjectResponse project, String access, List<CollaboratorResponse> collaborators, List<CommandResponse> commands, List<String> packages, List<String> pipPackages, List<String> channels, List<VariableResponse> variables) {

  public static ProjectDetailResponse from(ProjectResponse project, ProjectAccess access, List<CollaboratorResponse> collaborators, ProjectSpec spec) {
    return new ProjectDetailResponse(
        project,
        access.key(),
        collaborators,
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
