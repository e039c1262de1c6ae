package org.tessera.projects.rest.dto;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.tessera.projects.domain.ExternalGitSettings;
import org.tessera.projects.domain.RepositoryTemplate;

/** The external git setting without its token: {@code authTokenSet} only says whether one is stored. */
public record ExternalGitSettingsResponse(
    boolean configured, String type, String url, String credentialUrl, String repository, String organization, String username,
    boolean authTokenSet, boolean enabled, OffsetDateTime updatedAt, String updatedBy) {

  public static ExternalGitSettingsResponse from(Optional<ExternalGitSettings> stored) {
    return stored.map(s -> new ExternalGitSettingsResponse(true, s.type().key(), s.url(), s.credentialUrl(), s.repository(), s.organization(), s.username(),
            s.encryptedToken() != null, s.enabled(), s.updatedAt(), s.updatedBy()))
        .orElse(new ExternalGitSettingsResponse(false, null, null, null, RepositoryTemplate.DEFAULT, null, null, false, false, null, null));
  }
}
