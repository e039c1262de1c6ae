package org.tessera.deployments.application;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import org.tessera.deployments.domain.DeploymentShare;
import org.tessera.deployments.domain.TrafficSplit;
import org.tessera.identity.domain.UserProfile;

/**
 * Deployments of projects: create, watch, share, tokens, versions and their traffic, restart,
 * redeploy, terminate; and the proxy's questions. The owner and administrators manage a
 * deployment; whoever may open it may see it.
 */
public interface DeploymentService {

  DeploymentView create(@NotNull(message = "A signed-in user is required.") UserProfile caller, @NotNull(message = "A project id is required.") String projectId, @NotNull(message = "Send the deployment as a JSON body: {\"name\": \"...\"}.") DeployRequest request);

  /** The caller's deployments and those shared with them; {@code all} lists everyone's for administrators. */
  List<DeploymentView> list(@NotNull(message = "A signed-in user is required.") UserProfile caller, boolean all);

  List<DeploymentView> ofProject(@NotNull(message = "A signed-in user is required.") UserProfile caller, @NotNull(message = "A project id is required.") String projectId);

  DeploymentView get(@NotNull(message = "A signed-in user is required.") UserProfile caller, @NotNull(message = "A deployment id is required.") String id);

  /** Stops every version, revokes the tokens and removes the deployment; the project is untouched. */
  void terminate(@NotNull(message = "A signed-in user is required.") UserProfile caller, @NotNull(message = "A deployment id is required.") String id);

  DeploymentView restart(@NotNull(message = "A signed-in user is required.") UserProfile caller, @NotNull(message = "A deployment id is required.") String id);

  /** Serves {@code revision} instead of every current version, at the same URL with the same tokens. */
  /** Serves {@code revision} instead of all versions; {@code variables}, when not null, replace the deployment's. */
  DeploymentView redeploy(@NotNull(message = "A signed-in user is required.") UserProfile caller, @NotNull(message = "A deployment id is required.") String id, String revision, Map<String, String> variables);

  /** Adds a version that gets no traffic until {@link #split} gives it some. */
  DeploymentView addVersion(@NotNull(message = "A signed-in user is required.") UserProfile caller, @NotNull(message = "A deployment id is required.") String id, String revision);

  DeploymentView removeVersion(@NotNull(message = "A signed-in user is required.") UserProfile caller, @NotNull(message = "A deployment id is required.") String id, @NotNull(message = "A version id is required.") String versionId);

  DeploymentView split(@NotNull(message = "A signed-in user is required.") UserProfile caller, @NotNull(message = "A deployment id is required.") String id, @NotNull(message = "Send the routes by version id.") Map<String, TrafficSplit.Route> routes);

  DeploymentView setPublic(@NotNull(message = "A signed-in user is required.") UserProfile caller, @NotNull(message = "A deployment id is required.") String id, boolean isPublic);

  DeploymentView share(@NotNull(message = "A signed-in user is required.") UserProfile caller, @NotNull(message = "A deployment id is required.") String id, @NotNull(message = "Say whether to share with a user or a group.") DeploymentShare.Kind kind, String name);

  DeploymentView unshare(@NotNull(message = "A signed-in user is required.") UserProfile caller, @NotNull(message = "A deployment id is required.") String id, @NotNull(message = "Say whether the share is a user's or a group's.") DeploymentShare.Kind kind, String name);

  /** A new token; the answer carries its secret, the only copy. */
  DeploymentTokenView createToken(@NotNull(message = "A signed-in user is required.") UserProfile caller, @NotNull(message = "A deployment id is required.") String id, int expiresInDays);

  List<DeploymentTokenView> tokens(@NotNull(message = "A signed-in user is required.") UserProfile caller, @NotNull(message = "A deployment id is required.") String id);

  void revokeToken(@NotNull(message = "A signed-in user is required.") UserProfile caller, @NotNull(message = "A deployment id is required.") String id, @NotNull(message = "A token id is required.") String tokenId);

  /** The last lines of a version's output (the first version when {@code versionId} is null). */
  List<String> logs(@NotNull(message = "A signed-in user is required.") UserProfile caller, @NotNull(message = "A deployment id is required.") String id, String versionId, int lines);

  /** A version's whole output, then what it writes, until it ends or the reader closes the stream (which the caller must do). */
  java.io.InputStream followLogs(@NotNull(message = "A signed-in user is required.") UserProfile caller, @NotNull(message = "A deployment id is required.") String id, String versionId);

  /** May this caller open the deployment at {@code /apps/{urlPath}/}: a user (null when none) or a token (null when none). */
  AppAccess access(UserProfile user, String token, @NotNull String urlPath);

  /** Where the deployment's requests go now. */
  AppRoute route(@NotNull String deploymentId);

  /** How long a version may take to start serving before it is failed, in seconds. */
  int startTimeoutSeconds();

  /** Sets {@link #startTimeoutSeconds()} (administrators). */
  void setStartTimeoutSeconds(@NotNull(message = "A signed-in user is required.") UserProfile caller, int seconds);

  /** Gives up on versions that did not open their port in time; the watcher calls it. */
  void failStalledStarts();
}
