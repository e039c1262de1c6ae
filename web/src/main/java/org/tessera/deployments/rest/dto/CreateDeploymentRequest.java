package org.tessera.deployments.rest.dto;

import jakarta.json.bind.annotation.JsonbProperty;

/** {@code POST /api/v1/projects/{id}/deployments}: all but {@code name} may be left out. */
public record CreateDeploymentRequest(
    String name, String command, String revision, String resourceProfile, @JsonbProperty("public") Boolean isPublic, String staticUrl) {}
