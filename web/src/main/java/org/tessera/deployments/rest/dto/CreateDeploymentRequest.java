package org.tessera.deployments.rest.dto;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.Map;

/**
 * {@code POST /api/v1/projects/{id}/deployments}: all but {@code name} may be left out; {@code
 * variables} are environment variables by name, over the project's defaults.
 */
public record CreateDeploymentRequest(
    String name, String command, String revision, String resourceProfile, @JsonbProperty("public") Boolean isPublic, String staticUrl,
    Map<String, String> variables) {}
