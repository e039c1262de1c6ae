package org.tessera.projects.rest.dto;

import org.tessera.projects.domain.Project;

/** A project as the API shows it; {@code gitUrl} is what {@code git clone} takes. */
public record ProjectResponse(String id, String name, String owner, String description, String template, String createdAt, String gitUrl, boolean allowHistoryRewrite) {

  public static ProjectResponse from(Project project, String baseUrl) {
    return new ProjectResponse(
        project.id().value(),
        project.name().value(),
        project.owner(),
        project.description(),
        project.template().key(),
        project.createdAt().toInstant().toString(),
        baseUrl + "/git/" + project.owner() + "/" + project.name() + ".git",
        project.allowsHistoryRewrite());
  }
}
