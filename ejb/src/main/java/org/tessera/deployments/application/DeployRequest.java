package org.tessera.deployments.application;

import java.util.Map;

/**
 * What a user asks for when deploying; everything but {@code name} may be null: the first deployable
 * command, the default branch, the default profile, private, a URL from the name, no variables
 * beyond the project's.
 */
public record DeployRequest(String name, String command, String revision, String resourceProfile, Boolean isPublic, String staticUrl, Map<String, String> variables) {}
