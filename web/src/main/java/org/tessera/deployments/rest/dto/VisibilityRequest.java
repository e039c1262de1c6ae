package org.tessera.deployments.rest.dto;

import jakarta.json.bind.annotation.JsonbProperty;

/** Public (every signed-in user) or private (owner, collaborators, shares, token holders). */
public record VisibilityRequest(@JsonbProperty("public") Boolean isPublic) {}
