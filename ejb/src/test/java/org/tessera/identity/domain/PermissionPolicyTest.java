package org.tessera.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PermissionPolicyTest {

  static UserProfile user(String name, List<String> roles, List<String> groups) {
    return new UserProfile(name, name + "@example.org", name, roles, groups);
  }

  static final PermissionPolicy DEFAULTS = new PermissionPolicy(Map.of());

  @Test
  void the_built_in_role_grants_its_permission() {
    UserProfile deployer = user("dee", List.of("ae-deployer"), List.of());

    assertThat(DEFAULTS.allows(deployer, Permission.DEPLOY)).isTrue();
    assertThat(DEFAULTS.allows(deployer, Permission.CREATE_PROJECTS)).isFalse();
    assertThat(DEFAULTS.allows(deployer, Permission.UPLOAD_PACKAGES)).isFalse();
  }

  @Test
  void ae_admin_implies_every_permission() {
    UserProfile admin = user("ada", List.of("ae-admin"), List.of());

    for (Permission permission : Permission.values()) {
      assertThat(DEFAULTS.allows(admin, permission)).as(permission.key()).isTrue();
    }
  }

  @Test
  void opening_sessions_is_for_every_signed_in_user() {
    assertThat(DEFAULTS.allows(user("nobody", List.of(), List.of()), Permission.OPEN_SESSIONS)).isTrue();
  }

  @Test
  void the_seeds_example_lets_group_AE5_and_role_Publisher_deploy() {
    PermissionPolicy policy =
        new PermissionPolicy(Map.of(Permission.DEPLOY, PermissionGrants.of(List.of(), List.of("developers", "AE5"), List.of("Publisher"))));

    assertThat(policy.allows(user("gus", List.of(), List.of("AE5")), Permission.DEPLOY)).isTrue();
    assertThat(policy.allows(user("pat", List.of("Publisher"), List.of()), Permission.DEPLOY)).isTrue();
    assertThat(policy.allows(user("sam", List.of("ae-creator"), List.of("sales")), Permission.DEPLOY)).isFalse();
  }

  @Test
  void a_listed_user_name_grants_only_that_user() {
    PermissionPolicy policy = new PermissionPolicy(Map.of(Permission.UPLOAD_PACKAGES, PermissionGrants.of(List.of("uma"), List.of(), List.of())));

    assertThat(policy.allows(user("uma", List.of(), List.of()), Permission.UPLOAD_PACKAGES)).isTrue();
    assertThat(policy.allows(user("umar", List.of(), List.of()), Permission.UPLOAD_PACKAGES)).isFalse();
  }

  @Test
  void check_refuses_with_a_message_naming_the_role_and_the_list() {
    assertThatThrownBy(() -> DEFAULTS.check(user("sam", List.of(), List.of()), Permission.CREATE_PROJECTS))
        .isInstanceOf(PermissionDeniedException.class)
        .hasMessage("sam may not create projects: ask an administrator for the role ae-creator or a place in the storage.creators lists.");
  }

  @Test
  void lists_are_trimmed_deduplicated_and_validated() {
    PermissionGrants grants = PermissionGrants.of(List.of(" bob ", "bob"), List.of(), null);

    assertThat(grants.users()).isEqualTo(Set.of("bob"));
    assertThatThrownBy(() -> PermissionGrants.of(List.of(""), List.of(), List.of()))
        .isInstanceOfSatisfying(InvalidPermissionGrantsException.class, e -> assertThat(e.field()).isEqualTo("users"));
    assertThatThrownBy(() -> PermissionGrants.of(List.of(), List.of("a,b"), List.of())).hasMessageContaining("one name per entry");
  }

  @Test
  void profiles_keep_every_realm_role_but_roles_are_tesseras() {
    UserProfile user = user("pat", List.of("Publisher", "ae-creator", "default-roles-tessera"), List.of());

    assertThat(user.roles()).containsExactly("ae-creator");
    assertThat(user.hasRole("Publisher")).isTrue();
  }
}
