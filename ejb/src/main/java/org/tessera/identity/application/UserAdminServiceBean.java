package org.tessera.identity.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.tessera.audit.application.AuditRecord;
import org.tessera.audit.application.AuditService;
import org.tessera.audit.domain.AuditEvent.Outcome;
import org.tessera.identity.domain.GroupNotFoundException;
import org.tessera.identity.domain.InvalidUserRequestException;
import org.tessera.identity.domain.LastAdministratorException;
import org.tessera.identity.domain.RealmAdministration;
import org.tessera.identity.domain.RealmGroup;
import org.tessera.identity.domain.RealmUser;
import org.tessera.identity.domain.RealmUserDetails;
import org.tessera.identity.domain.RealmUserPage;
import org.tessera.identity.domain.RequiredAction;
import org.tessera.identity.domain.Roles;
import org.tessera.identity.domain.UserLookup;
import org.tessera.identity.domain.UserNotFoundException;
import org.tessera.identity.domain.UserProfile;

/** Users and groups through the {@link RealmAdministration} (Keycloak), audited. */
@Stateless
@Local(UserAdminService.class)
@RolesAllowed(Roles.ADMIN)
public class UserAdminServiceBean implements UserAdminService {

  static final int MAX_PAGE_SIZE = 100;

  @Inject RealmAdministration realm;
  @Inject UserLookup profiles;
  @EJB AuditService audit;

  @Override
  public RealmUserPage users(String search, int page, int size) {
    checkPage(page, size);
    return realm.users(search, page, size);
  }

  @Override
  public RealmUserDetails user(String username) {
    if (username == null || username.isBlank()) {
      throw new InvalidUserRequestException("username", "Name the user, e.g. GET /api/v1/admin/users/ada.");
    }
    return realm.user(username).orElseThrow(() -> new UserNotFoundException(username));
  }

  @Override
  public RealmUserDetails setEnabled(String username, boolean enabled, String actor) {
    RealmUserDetails user = user(username);
    String id = user.user().id();
    if (enabled) {
      realm.setEnabled(id, true);
    } else {
      keepingAnAdministrator(actor, "disabling " + user.user().username(), target(user), () -> realm.setEnabled(id, false), () -> realm.setEnabled(id, true));
    }
    audit.record(AuditRecord.success(actor, enabled ? "identity.user-enabled" : "identity.user-disabled", target(user), null));
    return user(username);
  }

  @Override
  public RealmUserDetails resetPassword(String username, String password, Boolean temporary, String actor) {
    if (password == null || password.isBlank()) {
      throw new InvalidUserRequestException("password", "Send the new password as {\"password\": \"...\", \"temporary\": true}; it may not be empty.");
    }
    RealmUserDetails user = user(username);
    boolean once = temporary == null || temporary;
    realm.resetPassword(user.user().id(), password, once);
    // Never the password itself: only that it changed and whether it must be changed again.
    audit.record(new AuditRecord(actor, "identity.user-password-reset", target(user), null, Outcome.SUCCESS, once ? "temporary" : "permanent"));
    return user(username);
  }

  @Override
  public RealmUserDetails setRequiredActions(String username, List<String> actions, String actor) {
    List<RequiredAction> parsed = RequiredAction.parse(actions);
    RealmUserDetails user = user(username);
    realm.setRequiredActions(user.user().id(), parsed);
    audit.record(new AuditRecord(actor, "identity.user-required-actions", target(user), null, Outcome.SUCCESS,
        parsed.isEmpty() ? "none" : String.join(", ", parsed.stream().map(Enum::name).toList())));
    return user(username);
  }

  @Override
  public RealmUserDetails joinGroup(String username, String group, String actor) {
    RealmGroup g = group(group);
    RealmUserDetails user = user(username);
    realm.joinGroup(user.user().id(), g.id());
    audit.record(new AuditRecord(actor, "identity.user-group-joined", target(user), null, Outcome.SUCCESS, "group=" + g.path()));
    return user(username);
  }

  @Override
  public RealmUserDetails leaveGroup(String username, String group, String actor) {
    RealmGroup g = group(group);
    RealmUserDetails user = user(username);
    String id = user.user().id();
    keepingAnAdministrator(actor, "removing " + user.user().username() + " from group " + g.name(), target(user), () -> realm.leaveGroup(id, g.id()), () -> realm.joinGroup(id, g.id()));
    audit.record(new AuditRecord(actor, "identity.user-group-left", target(user), null, Outcome.SUCCESS, "group=" + g.path()));
    return user(username);
  }

  @Override
  public RealmUserDetails grantRole(String username, String role, String actor) {
    String r = tesseraRole(role);
    RealmUserDetails user = user(username);
    realm.grantRole(user.user().id(), r);
    audit.record(new AuditRecord(actor, "identity.user-role-granted", target(user), null, Outcome.SUCCESS, "role=" + r));
    return user(username);
  }

  @Override
  public RealmUserDetails revokeRole(String username, String role, String actor) {
    String r = tesseraRole(role);
    RealmUserDetails user = user(username);
    if (!user.realmRoles().contains(r)) {
      throw new InvalidUserRequestException("role", user.user().username() + " has no direct grant of " + r
          + (user.effectiveRoles().contains(r) ? "; it comes from a group (" + String.join(", ", user.groups()) + "): remove the user from that group instead." : "."));
    }
    String id = user.user().id();
    keepingAnAdministrator(actor, "revoking " + r + " from " + user.user().username(), target(user), () -> realm.revokeRole(id, r), () -> realm.grantRole(id, r));
    audit.record(new AuditRecord(actor, "identity.user-role-revoked", target(user), null, Outcome.SUCCESS, "role=" + r));
    return user(username);
  }

  @Override
  public void signOut(String username, String actor) {
    RealmUserDetails user = user(username);
    realm.signOut(user.user().id());
    audit.record(new AuditRecord(actor, "identity.user-signed-out", target(user), null, Outcome.SUCCESS, user.sessions().size() + " session(s) ended"));
  }

  @Override
  public List<RealmGroup> groups() {
    return realm.groups();
  }

  @Override
  public RealmGroup group(String name) {
    if (name == null || name.isBlank()) {
      throw new InvalidUserRequestException("group", "Name the group, e.g. admins.");
    }
    return realm.group(name).orElseThrow(() -> new GroupNotFoundException(name));
  }

  @Override
  public List<RealmUser> members(String group, int page, int size) {
    checkPage(page, size);
    return realm.members(group(group).id(), page, size);
  }

  @Override
  public RealmGroup grantGroupRole(String group, String role, String actor) {
    String r = tesseraRole(role);
    RealmGroup g = group(group);
    realm.grantGroupRole(g.id(), r);
    audit.record(new AuditRecord(actor, "identity.group-role-granted", "group:" + g.path(), null, Outcome.SUCCESS, "role=" + r));
    return group(g.path());
  }

  @Override
  public RealmGroup revokeGroupRole(String group, String role, String actor) {
    String r = tesseraRole(role);
    RealmGroup g = group(group);
    if (!g.realmRoles().contains(r)) {
      throw new InvalidUserRequestException("role", "Group " + g.name() + " does not carry " + r + ".");
    }
    keepingAnAdministrator(actor, "revoking " + r + " from group " + g.name(), "group:" + g.path(), () -> realm.revokeGroupRole(g.id(), r), () -> realm.grantGroupRole(g.id(), r));
    audit.record(new AuditRecord(actor, "identity.group-role-revoked", "group:" + g.path(), null, Outcome.SUCCESS, "role=" + r));
    return group(g.path());
  }

  @Override
  public UserProfile impersonate(String username, String actor, String clientAddress) {
    RealmUserDetails user = user(username);
    if (user.user().username().equalsIgnoreCase(actor)) {
      throw new InvalidUserRequestException("username", "You are " + actor + " already; choose another user to act as.");
    }
    if (!user.user().enabled()) {
      throw new InvalidUserRequestException("username", user.user().username() + " is disabled and cannot sign in; enable the user first to act as them.");
    }
    UserProfile profile = profiles.profile(user.user().username())
        .orElseThrow(() -> new InvalidUserRequestException("username", "Keycloak did not give " + username + "'s roles and groups; retry."));
    audit.record(new AuditRecord(actor, "identity.impersonation-started", target(user), clientAddress, Outcome.SUCCESS, "acting as " + profile.username()));
    return profile;
  }

  @Override
  public void endImpersonation(String username, String actor, String clientAddress) {
    audit.record(new AuditRecord(actor, "identity.impersonation-ended", "user:" + username, clientAddress, Outcome.SUCCESS, "stopped acting as " + username));
  }

  /**
   * Applies a change that may take {@code ae-admin} away from someone; when afterwards no enabled
   * user holds it, undoes the change, audits the refusal and throws {@link LastAdministratorException}.
   * Checking after the change covers every way a user holds the role (direct, group, both).
   */
  private void keepingAnAdministrator(String actor, String change, String target, Runnable apply, Runnable undo) {
    apply.run();
    if (realm.administrators().isEmpty()) {
      undo.run();
      audit.record(new AuditRecord(actor, "identity.last-admin-refused", target, null, Outcome.FAILURE, change));
      throw new LastAdministratorException(change);
    }
  }

  private static String tesseraRole(String role) {
    String r = role == null ? "" : role.strip();
    if (!Roles.isTesseraRole(r)) {
      throw new InvalidUserRequestException("role", "'" + role + "' is not a Tessera role; use one of " + String.join(", ", Roles.ALL) + ".");
    }
    return r;
  }

  private static void checkPage(int page, int size) {
    if (page < 0) {
      throw new InvalidUserRequestException("page", "The page must be 0 or more; pages start at 0.");
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw new InvalidUserRequestException("size", "The page size must be between 1 and " + MAX_PAGE_SIZE + ".");
    }
  }

  private static String target(RealmUserDetails user) {
    return "user:" + user.user().username();
  }
}
