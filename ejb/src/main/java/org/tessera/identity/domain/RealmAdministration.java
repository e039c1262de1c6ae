package org.tessera.identity.domain;

import java.util.List;
import java.util.Optional;

/**
 * Users, groups, role grants, sessions, realm settings and events of the realm: Keycloak's admin
 * REST API under Tessera's service account (port; {@code KeycloakRealmAdministration} is the
 * adapter). Ids are Keycloak's; every method throws {@link DirectoryProviderUnavailableException}
 * when Keycloak cannot be asked and {@link InvalidUserRequestException} when it refuses the input.
 */
public interface RealmAdministration {

  /** Users matching {@code search} (user name, email, first or last name; null for all), local and federated. */
  RealmUserPage users(String search, int page, int size);

  Optional<RealmUserDetails> user(String username);

  void setEnabled(String userId, boolean enabled);

  /** Sets a password; {@code temporary} makes Keycloak ask for a new one at the next sign-in. */
  void resetPassword(String userId, String password, boolean temporary);

  /** Replaces the user's required actions, enabling any of them that the realm has switched off. */
  void setRequiredActions(String userId, List<RequiredAction> actions);

  List<RealmGroup> groups();

  Optional<RealmGroup> group(String name);

  List<RealmUser> members(String groupId, int page, int size);

  void joinGroup(String userId, String groupId);

  void leaveGroup(String userId, String groupId);

  void grantRole(String userId, String role);

  void revokeRole(String userId, String role);

  void grantGroupRole(String groupId, String role);

  void revokeGroupRole(String groupId, String role);

  /** User names of the enabled users who hold {@link Roles#ADMIN}, directly or through a group. */
  List<String> administrators();

  List<UserSession> sessions(String userId);

  /** Ends every session of the user: browser sign-ins and refresh tokens stop working. */
  void signOut(String userId);

  RealmSettings settings();

  void save(RealmSettings settings);

  EventPage<RealmEvent> events(EventQuery query);

  EventPage<AdminEvent> adminEvents(EventQuery query);

  EventsConfig eventsConfig();

  void save(EventsConfig config);
}
