package org.tessera.sessions.rest.dto;

import java.util.List;

/** A commit from a session: all changed files unless {@code paths}; {@code proceed} overwrites conflicting ones; {@code tag} names a version. */
public record CommitRequest(String message, List<String> paths, Boolean proceed, String tag) {}
