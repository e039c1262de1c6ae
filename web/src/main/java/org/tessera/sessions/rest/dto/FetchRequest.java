package org.tessera.sessions.rest.dto;

/** {@code resolution}: null (stop at conflicts), theirs, mine or both. */
public record FetchRequest(String resolution) {}
