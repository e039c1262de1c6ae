package org.tessera.projects.rest.dto;

/** Share with exactly one of {@code user} or {@code group}; {@code permission} is read or write. */
public record CollaboratorRequest(String user, String group, String permission) {}
