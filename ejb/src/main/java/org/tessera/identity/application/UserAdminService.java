package org.tessera.identity.application;

import java.util.List;
import org.tessera.identity.domain.RealmGroup;
import org.tessera.identity.domain.RealmUser;
import org.tessera.identity.domain.RealmUserDetails;
import org.tessera.identity.domain.RealmUserPage;
import org.tessera.identity.domain.UserProfile;

/**
 * The realm's users and groups and their Tessera roles, for administrators (role {@code ae-admin}),
 * so that nobody needs Keycloak's console for everyday work. Users are named by user name. Every
 * change is audited; a change that would leave no enabled administrator is refused and undone.
 */
public interface UserAdminService {

  /** Users matching {@code search} (user name, email, first or last name), local and federated with their source; pages start at 0. */
  RealmUserPage users(String search, int page, int size);

  /** One user, or {@link org.tessera.identity.domain.UserNotFoundException}. */
  RealmUserDetails user(String username);

  RealmUserDetails setEnabled(String username, boolean enabled, String actor);

  /** Sets a password; {@code temporary} (the default) makes the user choose a new one at the next sign-in. */
  RealmUserDetails resetPassword(String username, String password, Boolean temporary, String actor);

  /** Replaces the user's required actions (UPDATE_PASSWORD, CONFIGURE_TOTP, TERMS_AND_CONDITIONS, UPDATE_PROFILE, VERIFY_EMAIL). */
  RealmUserDetails setRequiredActions(String username, List<String> actions, String actor);

  RealmUserDetails joinGroup(String username, String group, String actor);

  RealmUserDetails leaveGroup(String username, String group, String actor);

  /** Grants one of Tessera's roles ({@code ae-*}) directly to the user. */
  RealmUserDetails grantRole(String username, String role, String actor);

  RealmUserDetails revokeRole(String username, String role, String actor);

  /** Ends all of the user's sessions: browsers are signed out and refresh tokens stop working. */
  void signOut(String username, String actor);

  List<RealmGroup> groups();

  RealmGroup group(String name);

  List<RealmUser> members(String group, int page, int size);

  RealmGroup grantGroupRole(String group, String role, String actor);

  RealmGroup revokeGroupRole(String group, String role, String actor);

  /**
   * Starts acting as another user in the admin's browser session: checks that the user exists, is
   * enabled and is not the admin, audits it, and returns the profile Tessera will show.
   */
  UserProfile impersonate(String username, String actor, String clientAddress);

  /** Audits the end of an impersonation. */
  void endImpersonation(String username, String actor, String clientAddress);
}
