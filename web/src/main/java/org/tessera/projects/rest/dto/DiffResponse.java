package org.tessera.projects.rest.dto;

/** A commit's changes against its first parent, as a unified diff. */
public record DiffResponse(String commit, String diff) {}
