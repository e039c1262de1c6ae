package org.tessera.projects.application;

import java.util.List;
import java.util.Optional;
import org.tessera.identity.domain.UserProfile;
import org.tessera.projects.domain.ExternalGitRequest;
import org.tessera.projects.domain.ExternalGitSettings;
import org.tessera.projects.domain.MigrationResult;
import org.tessera.projects.domain.MirrorStatus;
import org.tessera.projects.domain.ProjectId;
import org.tessera.projects.domain.PullResult;

/** The external git service: its setting (administrators), mirroring, pulling and migrating projects. */
public interface ExternalGitService {

  /** The setting, empty when none is configured. Role {@code ae-admin}. */
  Optional<ExternalGitSettings> settings(UserProfile caller);

  /** Validates and stores a new setting; a null token keeps the stored one. Role {@code ae-admin}. */
  ExternalGitSettings save(UserProfile caller, ExternalGitRequest request);

  /** Forgets the setting (and its token): projects are no longer mirrored. Role {@code ae-admin}. */
  void remove(UserProfile caller);

  /** The caller's own credentials for the external service (never the token), empty when none are set. */
  Optional<ExternalGitCredentialSummary> credential(UserProfile caller);

  /**
   * Sets the caller's user name and personal access token on the external service, with which
   * their projects are pushed and pulled; the token is stored encrypted.
   */
  ExternalGitCredentialSummary setCredential(UserProfile caller, String gitUsername, String token);

  /** Forgets the caller's credentials; their projects are no longer mirrored until they set new ones. */
  void removeCredential(UserProfile caller);

  /**
   * Pushes every project with all its branches and tags, with the administrator's service account
   * (as the seed's migration does); one line per project. Role {@code ae-admin}.
   */
  List<MigrationResult> migrate(UserProfile caller);

  /** Where a project the caller may read is mirrored and how the newest attempts went. */
  MirrorStatus status(UserProfile caller, String projectId);

  /**
   * Fast-forwards the project's main from the external repository and adds new tags, with the
   * owner's personal access token; needs write access.
   */
  PullResult pull(UserProfile caller, String projectId);

  /**
   * Pushes changed refs of a project to the external service in the background, when one is
   * enabled. Never throws: the outcome is recorded on the project (and errors in the audit trail).
   */
  void mirror(String actor, ProjectId id, List<String> refs);

  /** Records one push attempt in its own transaction; for this service's background work. */
  void recordAttempt(ProjectId id, String actor, String action, String remoteUrl, String pushed, String error);
}
