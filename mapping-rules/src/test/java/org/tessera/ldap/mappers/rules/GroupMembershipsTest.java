package org.tessera.ldap.mappers.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupMembershipsTest {

  private static final String ALICE = "uid=alice,ou=users,dc=example,dc=org";
  private static final String DATA = "cn=data,ou=groups,dc=example,dc=org";
  private static final String STAFF = "cn=staff,ou=groups,dc=example,dc=org";
  private static final String ALL = "cn=all,ou=groups,dc=example,dc=org";

  @Test
  void groupsOf_dnMembers_matchLikeLdapIgnoringCaseAndSpaces() {
    GroupMemberships index = new GroupMemberships(true);
    index.addGroup(DATA, List.of("UID=Alice, ou=Users,dc=example,dc=org", "uid=bob,ou=users,dc=example,dc=org"));
    index.addGroup(STAFF, List.of("uid=bob,ou=users,dc=example,dc=org"));

    assertThat(index.groupsOf(ALICE, false)).containsExactly(DATA);
    assertThat(index.groupsOf("uid=carol,ou=users,dc=example,dc=org", false)).isEmpty();
    assertThat(index.groups()).isEqualTo(2);
    assertThat(index.memberships()).isEqualTo(3);
  }

  @Test
  void groupsOf_nested_followsMemberGroupsAndStopsAtCycles() {
    GroupMemberships index = new GroupMemberships(true);
    index.addGroup(DATA, List.of(ALICE));
    index.addGroup(STAFF, List.of(DATA, ALL));
    index.addGroup(ALL, List.of(STAFF));

    assertThat(index.groupsOf(ALICE, true)).containsExactlyInAnyOrder(DATA, STAFF, ALL);
    assertThat(index.groupsOf(ALICE, false)).containsExactly(DATA);
  }

  @Test
  void groupsOf_uidMembers_areComparedExactly() {
    GroupMemberships index = new GroupMemberships(false);
    index.addGroup(DATA, List.of("alice", " bob "));

    assertThat(index.groupsOf("alice", false)).containsExactly(DATA);
    assertThat(index.groupsOf("bob", true)).containsExactly(DATA);
    assertThat(index.groupsOf("Alice", false)).isEmpty();
  }

  @Test
  void addGroup_blankMemberValues_areSkipped() {
    GroupMemberships index = new GroupMemberships(true);
    index.addGroup(DATA, Arrays.asList("", null, ALICE));

    assertThat(index.memberships()).isEqualTo(1);
    assertThat(index.groupsOf(ALICE, false)).containsExactly(DATA);
  }
}
