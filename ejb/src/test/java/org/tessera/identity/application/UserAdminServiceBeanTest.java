package org.tessera.identity.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tessera.audit.application.AuditRecord;
import org.tessera.audit.application.AuditService;
import org.tessera.audit.domain.AuditPage;
import org.tessera.audit.domain.AuditQuery;
import org.tessera.identity.domain.AdminEvent;
import org.tessera.identity.domain.EventPage;
import org.tessera.identity.domain.EventQuery;
import org.tessera.identity.domain.EventsConfig;
import org.tessera.identity.domain.InvalidUserRequestException;
import org.tessera.identity.domain.LastAdministratorException;
import org.tessera.identity.domain.RealmAdministration;
import org.tessera.identity.domain.RealmEvent;
import org.tessera.identity.domain.RealmGroup;
import org.tessera.identity.domain.RealmSettings;
import org.tessera.identity.domain.RealmUser;
import org.tessera.identity.domain.RealmUserDetails;
import org.tessera.identity.domain.RealmUserPage;
import org.tessera.identity.domain.RequiredAction;
import org.tessera.identity.domain.UserNotFoundException;
import org.tessera.identity.domain.UserSession;
import org.tessera.identity.domain.UserSource;

/**
 * The rules of user administration that do not depend on Keycloak's answers (which UsersAdminIT
 * covers): the last administrator is kept, only Tessera roles are granted, every change is audited.
 * The realm is a small in-memory model of users, groups and role grants.
 */
class UserAdminServiceBeanTest {

  /** Users with enabled flags, direct roles and groups; groups with roles. */
  static final class Realm implements RealmAdministration {
    final Map<String, Boolean> enabled = new HashMap<>();
    final Map<String, Set<String>> roles = new HashMap<>();
    final Map<String, Set<String>> groupsOf = new HashMap<>();
    final Map<String, Set<String>> groupRoles = new HashMap<>();

    void user(String name, boolean on, Set<String> direct, Set<String> groups) {
      enabled.put(name, on);
      roles.put(name, new HashSet<>(direct));
      groupsOf.put(name, new HashSet<>(groups));
    }

    Set<String> effective(String name) {
      Set<String> all = new HashSet<>(roles.get(name));
      groupsOf.get(name).forEach(g -> all.addAll(groupRoles.getOrDefault(g, Set.of())));
      return all;
    }

    @Override public RealmUserPage users(String search, int page, int size) { return new RealmUserPage(List.of(), 0, page, size); }
    @Override public Optional<RealmUserDetails> user(String username) {
      if (!enabled.containsKey(username)) {
        return Optional.empty();
      }
      RealmUser u = new RealmUser(username, username, null, null, null, enabled.get(username), null, UserSource.local());
      return Optional.of(new RealmUserDetails(u, true, Map.of(), List.of(), List.copyOf(groupsOf.get(username)), List.copyOf(roles.get(username)), List.copyOf(effective(username)), List.of()));
    }
    @Override public void setEnabled(String userId, boolean on) { enabled.put(userId, on); }
    @Override public void resetPassword(String userId, String password, boolean temporary) {}
    @Override public void setRequiredActions(String userId, List<RequiredAction> actions) {}
    @Override public List<RealmGroup> groups() { return groupRoles.keySet().stream().map(g -> new RealmGroup(g, g, "/" + g, List.copyOf(groupRoles.get(g)))).toList(); }
    @Override public Optional<RealmGroup> group(String name) { return groups().stream().filter(g -> g.name().equals(name)).findFirst(); }
    @Override public List<RealmUser> members(String groupId, int page, int size) { return List.of(); }
    @Override public void joinGroup(String userId, String groupId) { groupsOf.get(userId).add(groupId); }
    @Override public void leaveGroup(String userId, String groupId) { groupsOf.get(userId).remove(groupId); }
    @Override public void grantRole(String userId, String role) { roles.get(userId).add(role); }
    @Override public void revokeRole(String userId, String role) { roles.get(userId).remove(role); }
    @Override public void grantGroupRole(String groupId, String role) { groupRoles.get(groupId).add(role); }
    @Override public void revokeGroupRole(String groupId, String role) { groupRoles.get(groupId).remove(role); }
    @Override public List<String> administrators() { return enabled.keySet().stream().filter(u -> enabled.get(u) && effective(u).contains("ae-admin")).toList(); }
    @Override public List<UserSession> sessions(String userId) { return List.of(); }
    @Override public void signOut(String userId) {}
    @Override public RealmSettings settings() { return null; }
    @Override public void save(RealmSettings settings) {}
    @Override public EventPage<RealmEvent> events(EventQuery query) { return null; }
    @Override public EventPage<AdminEvent> adminEvents(EventQuery query) { return null; }
    @Override public EventsConfig eventsConfig() { return null; }
    @Override public void save(EventsConfig config) {}
  }

  final Realm realm = new Realm();
  final List<AuditRecord> audited = new ArrayList<>();
  final UserAdminServiceBean service = new UserAdminServiceBean();

  @BeforeEach
  void wire() {
    service.realm = realm;
    service.audit = new AuditService() {
      @Override public void record(AuditRecord record) { audited.add(record); }
      @Override public AuditPage searchOnBehalf(AuditQuery query) { return null; }
      @Override public AuditPage search(AuditQuery query) { return null; }
    };
    realm.groupRoles.put("admins", new HashSet<>(Set.of("ae-admin")));
    realm.groupRoles.put("everyone", new HashSet<>(Set.of("ae-creator")));
    realm.user("root", true, Set.of(), Set.of("admins", "everyone"));
    realm.user("ada", true, Set.of("ae-admin"), Set.of("everyone"));
  }

  @Test
  void the_only_administrator_cannot_lose_ae_admin_by_any_route_and_nothing_changes() {
    realm.revokeRole("ada", "ae-admin");

    assertThatThrownBy(() -> service.setEnabled("root", false, "root")).isInstanceOf(LastAdministratorException.class).hasMessageContaining("disabling root");
    assertThatThrownBy(() -> service.leaveGroup("root", "admins", "root")).isInstanceOf(LastAdministratorException.class);
    assertThatThrownBy(() -> service.revokeGroupRole("admins", "ae-admin", "root")).isInstanceOf(LastAdministratorException.class);

    assertThat(realm.administrators()).containsExactly("root");
    assertThat(realm.groupsOf.get("root")).contains("admins");
    assertThat(realm.groupRoles.get("admins")).contains("ae-admin");
    assertThat(audited).extracting(AuditRecord::action).containsOnly("identity.last-admin-refused");
  }

  @Test
  void an_administrator_may_go_while_another_remains() {
    RealmUserDetails ada = service.revokeRole("ada", "ae-admin", "root");

    assertThat(ada.effectiveRoles()).doesNotContain("ae-admin");
    assertThat(audited).extracting(AuditRecord::action).containsExactly("identity.user-role-revoked");
    assertThatThrownBy(() -> service.revokeGroupRole("admins", "ae-admin", "root")).isInstanceOf(LastAdministratorException.class);
  }

  @Test
  void only_tessera_roles_are_granted_and_a_role_from_a_group_is_not_revoked_from_the_user() {
    assertThatThrownBy(() -> service.grantRole("ada", "realm-admin", "root")).isInstanceOf(InvalidUserRequestException.class).hasMessageContaining("not a Tessera role");
    assertThatThrownBy(() -> service.revokeRole("root", "ae-admin", "root")).isInstanceOf(InvalidUserRequestException.class).hasMessageContaining("comes from a group");
    assertThatThrownBy(() -> service.grantRole("nobody", "ae-creator", "root")).isInstanceOf(UserNotFoundException.class);
  }

  @Test
  void passwords_are_temporary_by_default_and_never_audited() {
    service.resetPassword("ada", "S3cret-pass", null, "root");

    assertThat(audited).singleElement().satisfies(r -> {
      assertThat(r.detail()).isEqualTo("temporary");
      assertThat(r.toString()).doesNotContain("S3cret-pass");
    });
    assertThatThrownBy(() -> service.resetPassword("ada", " ", true, "root")).isInstanceOf(InvalidUserRequestException.class);
  }

  @Test
  void an_admin_cannot_impersonate_themselves_or_a_disabled_user() {
    realm.setEnabled("ada", false);

    assertThatThrownBy(() -> service.impersonate("root", "root", null)).hasMessageContaining("already");
    assertThatThrownBy(() -> service.impersonate("ada", "root", null)).hasMessageContaining("disabled");
  }
}
