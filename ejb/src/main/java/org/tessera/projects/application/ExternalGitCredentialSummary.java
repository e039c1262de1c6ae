package org.tessera.projects.application;

import java.time.OffsetDateTime;

/** A user's external git credentials as shown back to them: never the token, only that one is set. */
public record ExternalGitCredentialSummary(String gitUsername, boolean tokenSet, OffsetDateTime updatedAt) {}
