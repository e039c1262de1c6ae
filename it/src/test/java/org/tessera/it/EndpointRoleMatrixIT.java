package org.tessera.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint of the API, called as anonymous, as a signed-in user without any Tessera role, as
 * each single role and as {@code ae-admin}; the expected status of each cell is declared in {@link
 * #EXPECTED}, the one table of who may do what. The endpoints come from the OpenAPI document, so a
 * new endpoint without a row here fails this test.
 */
class EndpointRoleMatrixIT {

  /** Callers, in the column order of the table. */
  static final List<String> CALLERS = List.of("anonymous", "no-role", "ae-creator", "ae-deployer", "ae-uploader", "ae-admin");

  /** {@code "METHOD /path"} → the status for each caller, in {@link #CALLERS} order. */
  static final Map<String, List<Integer>> EXPECTED = new LinkedHashMap<>();

  static {
    //                                     anon  none  creator deployer uploader admin
    EXPECTED.put("GET /v1/health/live", List.of(200, 200, 200, 200, 200, 200));
    EXPECTED.put("GET /v1/health/ready", List.of(200, 200, 200, 200, 200, 200));
    EXPECTED.put("GET /v1/info", List.of(200, 200, 200, 200, 200, 200));
    EXPECTED.put("GET /openapi", List.of(200, 200, 200, 200, 200, 200));
    EXPECTED.put("GET /v1/me", List.of(401, 200, 200, 200, 200, 200));
    EXPECTED.put("GET /v1/audit", List.of(401, 403, 403, 403, 403, 200));
    EXPECTED.put("GET /v1/me/permissions", List.of(401, 200, 200, 200, 200, 200));
    // Every signed-in user manages their own tokens; {} lacks a name (400), no-such-id is not theirs (404).
    EXPECTED.put("POST /v1/me/tokens", List.of(401, 400, 400, 400, 400, 400));
    EXPECTED.put("GET /v1/me/tokens", List.of(401, 200, 200, 200, 200, 200));
    EXPECTED.put("DELETE /v1/me/tokens/{id}", List.of(401, 404, 404, 404, 404, 404));
    // Each signed-in user's own external git credentials: {} lacks the user name (400); removing none is fine (204).
    EXPECTED.put("GET /v1/me/external-git-credential", List.of(401, 200, 200, 200, 200, 200));
    EXPECTED.put("PUT /v1/me/external-git-credential", List.of(401, 400, 400, 400, 400, 400));
    EXPECTED.put("DELETE /v1/me/external-git-credential", List.of(401, 204, 204, 204, 204, 204));
    EXPECTED.put("GET /v1/admin/permissions", List.of(401, 403, 403, 403, 403, 200));
    EXPECTED.put("PUT /v1/admin/permissions/{key}", List.of(401, 403, 403, 403, 403, 200));
    // Creating needs storage.creators (ae-creator); the empty body then fails validation.
    EXPECTED.put("POST /v1/projects", List.of(401, 403, 400, 403, 403, 400));
    EXPECTED.put("GET /v1/projects", List.of(401, 200, 200, 200, 200, 200));
    EXPECTED.put("GET /v1/projects/{id}", List.of(401, 404, 404, 404, 404, 404));
    // Uploads check the permission, then the (missing) name, before reading the body.
    EXPECTED.put("POST /v1/projects/upload", List.of(401, 403, 400, 403, 403, 400));
    EXPECTED.put("DELETE /v1/projects/{id}", List.of(401, 404, 404, 404, 404, 404));
    EXPECTED.put("PUT /v1/projects/{id}/settings", List.of(401, 400, 400, 400, 400, 400));
    // Administrators only; {} has no maxFileMegabytes (400).
    EXPECTED.put("GET /v1/admin/project-settings", List.of(401, 403, 403, 403, 403, 200));
    EXPECTED.put("PUT /v1/admin/project-settings", List.of(401, 403, 403, 403, 403, 400));
    EXPECTED.put("GET /v1/projects/{id}/collaborators", List.of(401, 404, 404, 404, 404, 404));
    // {} names neither a user nor a group: refused before the project is looked up.
    EXPECTED.put("POST /v1/projects/{id}/collaborators", List.of(401, 400, 400, 400, 400, 400));
    EXPECTED.put("DELETE /v1/projects/{id}/collaborators/{kind}/{name}", List.of(401, 404, 404, 404, 404, 404));
    EXPECTED.put("POST /v1/projects/{id}/transfer", List.of(401, 404, 404, 404, 404, 404));
    EXPECTED.put("GET /v1/projects/{id}/commits", List.of(401, 404, 404, 404, 404, 404));
    EXPECTED.put("GET /v1/projects/{id}/commits/{commit}/diff", List.of(401, 404, 404, 404, 404, 404));
    EXPECTED.put("GET /v1/projects/{id}/files", List.of(401, 404, 404, 404, 404, 404));
    EXPECTED.put("GET /v1/projects/{id}/files/{path}", List.of(401, 404, 404, 404, 404, 404));
    EXPECTED.put("GET /v1/projects/{id}/tags", List.of(401, 404, 404, 404, 404, 404));
    EXPECTED.put("POST /v1/projects/{id}/tags", List.of(401, 404, 404, 404, 404, 404));
    EXPECTED.put("GET /v1/projects/{id}/archive", List.of(401, 404, 404, 404, 404, 404));
    EXPECTED.put("GET /v1/projects/{id}/activity", List.of(401, 404, 404, 404, 404, 404));
    EXPECTED.put("POST /v1/projects/{id}/sessions", List.of(401, 404, 404, 404, 404, 404));
    EXPECTED.put("POST /v1/projects/{id}/deployments", List.of(401, 403, 403, 404, 403, 404));
    EXPECTED.put("GET /v1/projects/{id}/deployments", List.of(401, 404, 404, 404, 404, 404));
    EXPECTED.put("GET /v1/deployments", List.of(401, 200, 200, 200, 200, 200));
    EXPECTED.put("GET /v1/deployments/{id}", List.of(401, 404, 404, 404, 404, 404));
    EXPECTED.put("DELETE /v1/deployments/{id}", List.of(401, 404, 404, 404, 404, 404));
    EXPECTED.put("GET /v1/deployments/{id}/logs", List.of(401, 404, 404, 404, 404, 404));
    EXPECTED.put("POST /v1/deployments/{id}/restart", List.of(401, 404, 404, 404, 404, 404));
    EXPECTED.put("POST /v1/deployments/{id}/redeploy", List.of(401, 404, 404, 404, 404, 404));
    EXPECTED.put("PUT /v1/deployments/{id}/visibility", List.of(401, 400, 400, 400, 400, 400));
    EXPECTED.put("POST /v1/deployments/{id}/shares", List.of(401, 400, 400, 400, 400, 400));
    EXPECTED.put("DELETE /v1/deployments/{id}/shares/{kind}/{name}", List.of(401, 404, 404, 404, 404, 404));
    EXPECTED.put("GET /v1/deployments/{id}/tokens", List.of(401, 404, 404, 404, 404, 404));
    EXPECTED.put("POST /v1/deployments/{id}/tokens", List.of(401, 404, 404, 404, 404, 404));
    EXPECTED.put("DELETE /v1/deployments/{id}/tokens/{tokenId}", List.of(401, 404, 404, 404, 404, 404));
    EXPECTED.put("POST /v1/deployments/{id}/versions", List.of(401, 404, 404, 404, 404, 404));
    EXPECTED.put("DELETE /v1/deployments/{id}/versions/{versionId}", List.of(401, 404, 404, 404, 404, 404));
    EXPECTED.put("PUT /v1/deployments/{id}/split", List.of(401, 400, 400, 400, 400, 400));
    EXPECTED.put("GET /v1/admin/deployment-settings", List.of(401, 403, 403, 403, 403, 200));
    EXPECTED.put("PUT /v1/admin/deployment-settings", List.of(401, 403, 403, 403, 403, 400));
    EXPECTED.put("GET /v1/sessions", List.of(401, 200, 200, 200, 200, 200));
    EXPECTED.put("GET /v1/sessions/{id}", List.of(401, 404, 404, 404, 404, 404));
    EXPECTED.put("DELETE /v1/sessions/{id}", List.of(401, 404, 404, 404, 404, 404));
    EXPECTED.put("GET /v1/sessions/{id}/logs", List.of(401, 404, 404, 404, 404, 404));
    EXPECTED.put("GET /v1/sessions/{id}/changes", List.of(401, 404, 404, 404, 404, 404));
    EXPECTED.put("POST /v1/sessions/{id}/commit", List.of(401, 404, 404, 404, 404, 404));
    EXPECTED.put("POST /v1/sessions/{id}/fetch", List.of(401, 404, 404, 404, 404, 404));
    EXPECTED.put("POST /v1/sessions/{id}/restart", List.of(401, 404, 404, 404, 404, 404));
    // Administrators only; {} has no idleMinutes (400).
    EXPECTED.put("GET /v1/admin/session-settings", List.of(401, 403, 403, 403, 403, 200));
    EXPECTED.put("PUT /v1/admin/session-settings", List.of(401, 403, 403, 403, 403, 400));
    EXPECTED.put("GET /v1/editors", List.of(401, 200, 200, 200, 200, 200));
    EXPECTED.put("GET /v1/resource-profiles", List.of(401, 200, 200, 200, 200, 200));
    // Administrators only; {} has no cpu (400), and there is no profile "nobody" to delete (404).
    EXPECTED.put("PUT /v1/admin/resource-profiles/{name}", List.of(401, 403, 403, 403, 403, 400));
    EXPECTED.put("DELETE /v1/admin/resource-profiles/{name}", List.of(401, 403, 403, 403, 403, 404));
    EXPECTED.put("GET /v1/projects/{id}/external", List.of(401, 404, 404, 404, 404, 404));
    EXPECTED.put("POST /v1/projects/{id}/external/pull", List.of(401, 404, 404, 404, 404, 404));
    // External git (ae-admin): {} has no type and no url (400); after DELETE there is nothing to migrate to (409).
    EXPECTED.put("GET /v1/admin/external-git", List.of(401, 403, 403, 403, 403, 200));
    EXPECTED.put("PUT /v1/admin/external-git", List.of(401, 403, 403, 403, 403, 400));
    EXPECTED.put("DELETE /v1/admin/external-git", List.of(401, 403, 403, 403, 403, 204));
    EXPECTED.put("POST /v1/admin/external-git/migrate", List.of(401, 403, 403, 403, 403, 409));
    // Directories (LDAP/AD in the realm): admins only; {} fails validation, no-such-id is unknown.
    EXPECTED.put("POST /v1/admin/directories", List.of(401, 403, 403, 403, 403, 400));
    EXPECTED.put("GET /v1/admin/directories", List.of(401, 403, 403, 403, 403, 200));
    EXPECTED.put("GET /v1/admin/directories/{id}", List.of(401, 403, 403, 403, 403, 404));
    EXPECTED.put("PUT /v1/admin/directories/{id}", List.of(401, 403, 403, 403, 403, 404));
    EXPECTED.put("DELETE /v1/admin/directories/{id}", List.of(401, 403, 403, 403, 403, 404));
    EXPECTED.put("POST /v1/admin/directories/{id}/test-connection", List.of(401, 403, 403, 403, 403, 404));
    EXPECTED.put("POST /v1/admin/directories/{id}/test-authentication", List.of(401, 403, 403, 403, 403, 404));
    EXPECTED.put("POST /v1/admin/directories/{id}/sync", List.of(401, 403, 403, 403, 403, 404));
    // {} has no type (400); no-such-idp is no provider (404).
    EXPECTED.put("GET /v1/admin/identity-providers", List.of(401, 403, 403, 403, 403, 200));
    EXPECTED.put("POST /v1/admin/identity-providers", List.of(401, 403, 403, 403, 403, 400));
    EXPECTED.put("GET /v1/admin/identity-providers/{alias}", List.of(401, 403, 403, 403, 403, 404));
    EXPECTED.put("PUT /v1/admin/identity-providers/{alias}", List.of(401, 403, 403, 403, 403, 404));
    EXPECTED.put("DELETE /v1/admin/identity-providers/{alias}", List.of(401, 403, 403, 403, 403, 404));
    // Users, groups, realm settings and events (admins only): unknown user or group 404; {} lacks the password,
    // the actions or any setting (400). Groups are looked up before users.
    EXPECTED.put("GET /v1/admin/users", List.of(401, 403, 403, 403, 403, 200));
    EXPECTED.put("GET /v1/admin/users/{username}", List.of(401, 403, 403, 403, 403, 404));
    EXPECTED.put("POST /v1/admin/users/{username}/enable", List.of(401, 403, 403, 403, 403, 404));
    EXPECTED.put("POST /v1/admin/users/{username}/disable", List.of(401, 403, 403, 403, 403, 404));
    EXPECTED.put("POST /v1/admin/users/{username}/reset-password", List.of(401, 403, 403, 403, 403, 400));
    EXPECTED.put("PUT /v1/admin/users/{username}/required-actions", List.of(401, 403, 403, 403, 403, 400));
    EXPECTED.put("PUT /v1/admin/users/{username}/groups/{group}", List.of(401, 403, 403, 403, 403, 404));
    EXPECTED.put("DELETE /v1/admin/users/{username}/groups/{group}", List.of(401, 403, 403, 403, 403, 404));
    EXPECTED.put("PUT /v1/admin/users/{username}/roles/{role}", List.of(401, 403, 403, 403, 403, 404));
    EXPECTED.put("DELETE /v1/admin/users/{username}/roles/{role}", List.of(401, 403, 403, 403, 403, 404));
    EXPECTED.put("GET /v1/admin/users/{username}/sessions", List.of(401, 403, 403, 403, 403, 404));
    EXPECTED.put("POST /v1/admin/users/{username}/sign-out", List.of(401, 403, 403, 403, 403, 404));
    EXPECTED.put("GET /v1/admin/groups", List.of(401, 403, 403, 403, 403, 200));
    EXPECTED.put("GET /v1/admin/groups/{group}/members", List.of(401, 403, 403, 403, 403, 404));
    EXPECTED.put("PUT /v1/admin/groups/{group}/roles/{role}", List.of(401, 403, 403, 403, 403, 404));
    EXPECTED.put("DELETE /v1/admin/groups/{group}/roles/{role}", List.of(401, 403, 403, 403, 403, 404));
    EXPECTED.put("GET /v1/admin/realm-settings", List.of(401, 403, 403, 403, 403, 200));
    EXPECTED.put("PUT /v1/admin/realm-settings", List.of(401, 403, 403, 403, 403, 400));
    EXPECTED.put("GET /v1/admin/events/login", List.of(401, 403, 403, 403, 403, 200));
    EXPECTED.put("GET /v1/admin/events/admin", List.of(401, 403, 403, 403, 403, 200));
    EXPECTED.put("GET /v1/admin/events/config", List.of(401, 403, 403, 403, 403, 200));
    EXPECTED.put("PUT /v1/admin/events/config", List.of(401, 403, 403, 403, 403, 400));
    EXPECTED.put("GET /v1/admin/directories/{id}/mappers", List.of(401, 403, 403, 403, 403, 404));
    EXPECTED.put("POST /v1/admin/directories/{id}/mappers", List.of(401, 403, 403, 403, 403, 404));
    EXPECTED.put("DELETE /v1/admin/directories/{id}/mappers/{mapperId}", List.of(401, 403, 403, 403, 403, 404));
    EXPECTED.put("GET /v1/admin/directories/{id}/group-rules", List.of(401, 403, 403, 403, 403, 404));
    EXPECTED.put("PUT /v1/admin/directories/{id}/group-rules", List.of(401, 403, 403, 403, 403, 404));
    EXPECTED.put("POST /v1/admin/directories/{id}/group-rules/preview", List.of(401, 403, 403, 403, 403, 404));
    // Channels: every signed-in user lists and reads; creating needs ae-uploader (then {} lacks a name, 400).
    // "nobody" is no channel (404); {} lacks the visibility or the share target (400); uploads take multipart only (415);
    // the content download sends bytes, not the JSON the matrix asks for (406).
    EXPECTED.put("GET /v1/channels", List.of(401, 200, 200, 200, 200, 200));
    EXPECTED.put("POST /v1/channels", List.of(401, 403, 403, 403, 400, 400));
    EXPECTED.put("GET /v1/channels/{name}", List.of(401, 404, 404, 404, 404, 404));
    EXPECTED.put("DELETE /v1/channels/{name}", List.of(401, 404, 404, 404, 404, 404));
    EXPECTED.put("PUT /v1/channels/{name}/visibility", List.of(401, 400, 400, 400, 400, 400));
    EXPECTED.put("POST /v1/channels/{name}/shares", List.of(401, 400, 400, 400, 400, 400));
    EXPECTED.put("DELETE /v1/channels/{name}/shares/{kind}/{principal}", List.of(401, 404, 404, 404, 404, 404));
    EXPECTED.put("POST /v1/channels/{name}/files", List.of(401, 415, 415, 415, 415, 415));
    EXPECTED.put("GET /v1/channels/{name}/packages", List.of(401, 404, 404, 404, 404, 404));
    EXPECTED.put("GET /v1/channels/{name}/packages/{package}", List.of(401, 404, 404, 404, 404, 404));
    EXPECTED.put("DELETE /v1/channels/{name}/packages/{package}/versions/{version}", List.of(401, 404, 404, 404, 404, 404));
    EXPECTED.put("GET /v1/channels/{name}/files/{subdir}/{filename}", List.of(401, 404, 404, 404, 404, 404));
    EXPECTED.put("DELETE /v1/channels/{name}/files/{subdir}/{filename}", List.of(401, 404, 404, 404, 404, 404));
    EXPECTED.put("GET /v1/channels/{name}/files/{subdir}/{filename}/content", List.of(401, 406, 406, 406, 406, 406));
    EXPECTED.put("PUT /v1/channels/{name}/files/{subdir}/{filename}/yanked", List.of(401, 400, 400, 400, 400, 400));
    EXPECTED.put("POST /v1/channels/{name}/reindex", List.of(401, 404, 404, 404, 404, 404));
    // The generated client files, for every signed-in user; the settings behind them for administrators ({} sets nothing, 400).
    EXPECTED.put("GET /v1/channels/config/condarc", List.of(401, 200, 200, 200, 200, 200));
    EXPECTED.put("GET /v1/channels/config/pip.conf", List.of(401, 200, 200, 200, 200, 200));
    EXPECTED.put("GET /v1/admin/channel-settings", List.of(401, 403, 403, 403, 403, 200));
    EXPECTED.put("PUT /v1/admin/channel-settings", List.of(401, 403, 403, 403, 403, 400));
    // Mirrors: {} has no type or config (400) before any role check; runs are the caller's own (404 for another id).
    EXPECTED.put("POST /v1/mirrors", List.of(401, 400, 400, 400, 400, 400));
    EXPECTED.put("GET /v1/mirrors", List.of(401, 200, 200, 200, 200, 200));
    EXPECTED.put("GET /v1/mirrors/{id}", List.of(401, 404, 404, 404, 404, 404));
    EXPECTED.put("GET /v1/mirrors/{id}/logs", List.of(401, 404, 404, 404, 404, 404));
    EXPECTED.put("POST /v1/mirrors/{id}/cancel", List.of(401, 404, 404, 404, 404, 404));
    EXPECTED.put("GET /v1/mirrors/{id}/export", List.of(401, 404, 404, 404, 404, 404));
    // Channel archives: exporting an unknown channel is 404; importing needs repository.uploaders (ae-uploader), and {} is no archive (422).
    EXPECTED.put("GET /v1/channels/{name}/export", List.of(401, 404, 404, 404, 404, 404));
    EXPECTED.put("POST /v1/channels/{name}/export", List.of(401, 404, 404, 404, 404, 404));
    EXPECTED.put("POST /v1/channels/import", List.of(401, 403, 403, 403, 422, 422));
  }

  /** Values for path parameters: harmless ones, so that the matrix changes nothing that matters. */
  static final Map<String, String> SAMPLES =
      Map.ofEntries(
          Map.entry("{key}", "repository.uploaders"),
          Map.entry("{id}", "no-such-id"),
          Map.entry("{kind}", "user"),
          Map.entry("{name}", "nobody"),
          Map.entry("{commit}", "main"),
          Map.entry("{path}", "README.md"),
          Map.entry("{tokenId}", "no-such-token"),
          Map.entry("{versionId}", "no-such-version"),
          Map.entry("{alias}", "no-such-idp"),
          Map.entry("{username}", "no-such-user"),
          Map.entry("{group}", "no-such-group"),
          Map.entry("{role}", "ae-uploader"),
          Map.entry("{mapperId}", "no-such-mapper"),
          Map.entry("{principal}", "no-such-user"),
          Map.entry("{package}", "no-such-package"),
          Map.entry("{version}", "0.0"),
          Map.entry("{subdir}", "noarch"),
          Map.entry("{filename}", "no-such-file-0.0-0.tar.bz2"));

  static Platform platform;
  static final Map<String, String> TOKENS = new LinkedHashMap<>();

  @BeforeAll
  static void signInEveryCaller() {
    platform = Platform.shared();
    KeycloakAdmin keycloak = new KeycloakAdmin(platform);
    for (String caller : CALLERS.subList(1, CALLERS.size())) {
      String username = "matrix-" + caller;
      List<String> roles = caller.equals("no-role") ? List.of() : List.of(caller);
      String password = keycloak.ensureUserWithRoles(username, roles);
      TOKENS.put(caller, Http.passwordToken(platform.realmUrl(), "tessera-cli", username, password));
    }
  }

  @Test
  void every_documented_endpoint_has_a_row_in_the_table() {
    Set<String> documented = new TreeSet<>();
    Http.get(platform.url() + "/api/openapi", null)
        .json()
        .get("paths")
        .fields()
        .forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> documented.add(method.toUpperCase() + " " + path.getKey())));

    assertThat(EXPECTED.keySet()).as("rows of EXPECTED; add one for each new endpoint").containsExactlyInAnyOrderElementsOf(documented);
  }

  @Test
  void each_caller_gets_the_declared_status_from_each_endpoint() {
    SoftAssertions softly = new SoftAssertions();
    EXPECTED.forEach(
        (endpoint, statuses) -> {
          String method = endpoint.substring(0, endpoint.indexOf(' '));
          String path = endpoint.substring(endpoint.indexOf(' ') + 1);
          for (Map.Entry<String, String> sample : SAMPLES.entrySet()) {
            path = path.replace(sample.getKey(), sample.getValue());
          }
          String url = platform.url() + "/api" + path;
          // Writes send an empty JSON object: enough to reach the role check and validation.
          String body = Set.of("POST", "PUT", "PATCH").contains(method) ? "{}" : null;
          for (int i = 0; i < CALLERS.size(); i++) {
            String caller = CALLERS.get(i);
            Http.Response response = Http.send(method, url, TOKENS.get(caller), body);
            softly.assertThat(response.status()).as("%s as %s: %s", endpoint, caller, response.body()).isEqualTo(statuses.get(i));
            if (response.status() >= 400) {
              softly.assertThat(response.contentType()).as("%s as %s", endpoint, caller).startsWith("application/problem+json");
            }
          }
        });
    softly.assertAll();
  }

  @Test
  void the_table_covers_every_caller_for_every_endpoint() {
    List<String> malformed = new ArrayList<>();
    EXPECTED.forEach((endpoint, statuses) -> {
      if (statuses.size() != CALLERS.size()) {
        malformed.add(endpoint);
      }
    });
    assertThat(malformed).isEmpty();
  }
}
