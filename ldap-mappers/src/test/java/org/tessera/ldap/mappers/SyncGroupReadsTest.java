package org.tessera.ldap.mappers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.keycloak.component.ComponentModel;
import org.tessera.ldap.mappers.rules.GroupMemberships;

class SyncGroupReadsTest {

  private final SyncGroupReads reads = new SyncGroupReads();
  private final AtomicInteger directoryReads = new AtomicInteger();
  private final Supplier<GroupMemberships> reader = () -> {
    directoryReads.incrementAndGet();
    GroupMemberships memberships = new GroupMemberships(true);
    memberships.addGroup("cn=data,ou=groups,dc=example,dc=org", List.of("uid=alice,ou=users,dc=example,dc=org"));
    return memberships;
  };

  @Test
  void forSync_beforeAnySyncStarted_leavesTheSearchToTheCaller() {
    assertThat(reads.forSync(mapper("ou=groups,dc=example,dc=org"), reader)).isNull();
    assertThat(directoryReads).hasValue(0);
  }

  @Test
  void forSync_withinOneSync_readsTheDirectoryOnce() {
    ComponentModel mapper = mapper("ou=groups,dc=example,dc=org");
    reads.syncStarted(mapper);

    GroupMemberships first = reads.forSync(mapper, reader);
    GroupMemberships second = reads.forSync(mapper, reader);

    assertThat(second).isSameAs(first);
    assertThat(first.groupsOf("uid=alice,ou=users,dc=example,dc=org", false)).hasSize(1);
    assertThat(directoryReads).hasValue(1);
  }

  @Test
  void syncStarted_again_makesTheNextSyncReadAfresh() {
    ComponentModel mapper = mapper("ou=groups,dc=example,dc=org");
    reads.syncStarted(mapper);
    reads.forSync(mapper, reader);

    reads.syncStarted(mapper);
    reads.forSync(mapper, reader);

    assertThat(directoryReads).hasValue(2);
  }

  @Test
  void forSync_afterTheSettingsChanged_leavesTheSearchToTheCaller() {
    reads.syncStarted(mapper("ou=groups,dc=example,dc=org"));

    assertThat(reads.forSync(mapper("ou=teams,dc=example,dc=org"), reader)).isNull();
  }

  @Test
  void forget_dropsTheRead() {
    ComponentModel mapper = mapper("ou=groups,dc=example,dc=org");
    reads.syncStarted(mapper);
    reads.forget(mapper);

    assertThat(reads.forSync(mapper, reader)).isNull();
  }

  private static ComponentModel mapper(String groupsDn) {
    ComponentModel model = new ComponentModel();
    model.setId("rules-mapper");
    model.getConfig().putSingle(GroupRulesLDAPStorageMapper.GROUPS_DN, groupsDn);
    return model;
  }
}
