package org.tessera.deployments.rest.dto;

import java.util.Map;

/**
 * {@code POST /api/v1/deployments/{id}/redeploy}: the version to serve (the default branch when left
 * out) and, when given, the deployment's new environment variables (replacing all of them).
 */
public record RedeployRequest(String revision, Map<String, String> variables) {}
