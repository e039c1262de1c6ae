package org.tessera.projects.rest.dto;

import org.tessera.projects.application.ExternalGitCredentialSummary;

/** The caller's external git credentials as shown back: the user name and whether a token is set, never the token. */
public record ExternalGitCredentialResponse(boolean set, String username, boolean tokenSet, String updatedAt) {

  public static ExternalGitCredentialResponse from(ExternalGitCredentialSummary summary) {
    return new ExternalGitCredentialResponse(true, summary.gitUsername(), summary.tokenSet(), summary.updatedAt().toInstant().toString());
  }

  public static ExternalGitCredentialResponse none() {
    return new ExternalGitCredentialResponse(false, null, false, null);
  }
}
