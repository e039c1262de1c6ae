package org.tessera.projects.domain;

/**
 * An administrator's new external git setting, as typed. A null {@code authToken} keeps the
 * stored one; a null {@code repository} means {@link RepositoryTemplate#DEFAULT}; a null {@code
 * enabled} means enabled.
 */
public record ExternalGitRequest(
    String type, String url, String credentialUrl, String repository, String organization, String username, String authToken, Boolean enabled) {}
