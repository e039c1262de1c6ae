package org.tessera.projects.rest.dto;

/** The caller's user name and personal access token on the external git service. */
public record ExternalGitCredentialRequest(String username, String token) {}
