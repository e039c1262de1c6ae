package org.tessera.projects.rest.dto;

import org.tessera.projects.domain.ExternalGitRequest;

/**
 * The external git setting to store (the seed's {@code git} keys in camel case); {@code authToken}
 * is write-only and left out to keep the stored one.
 */
public record ExternalGitSettingsRequest(
    String type, String url, String credentialUrl, String repository, String organization, String username, String authToken, Boolean enabled) {

  public ExternalGitRequest toRequest() {
    return new ExternalGitRequest(type, url, credentialUrl, repository, organization, username, authToken, enabled);
  }
}
