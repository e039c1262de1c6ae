package org.tessera.ldap.mappers;

import java.lang.ref.SoftReference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.keycloak.component.ComponentModel;
import org.tessera.ldap.mappers.rules.GroupMemberships;

/**
 * The directory's groups read once per user sync and shared by that sync's users.
 *
 * <p>Keycloak syncs each user in its own session, with its own mapper instance, so a read shared
 * between them must live here, in the (single) factory. Every full or changed-users sync starts by
 * calling each mapper's {@code syncDataFromFederationProviderToKeycloak}, which calls {@link
 * #syncStarted}: that forgets the previous sync's read, so what a sync sees is never older than the
 * sync itself. The read is made by the first user of the sync that needs it ({@link #forSync}), so
 * a changed-users sync with nothing to import reads nothing. It is held softly: between syncs, or
 * under memory pressure, the JVM may drop it, and the next user of the sync reads it again.
 */
final class SyncGroupReads {

  private final Map<String, Read> byMapper = new ConcurrentHashMap<>();

  /** A sync of the mapper's directory begins: the next {@link #forSync} reads afresh. */
  void syncStarted(ComponentModel mapper) {
    byMapper.put(mapper.getId(), new Read(DirectoryGroups.fingerprint(mapper)));
  }

  /**
   * The groups as read in the current sync, reading them with {@code reader} if this sync has not
   * yet; null when no sync of this mapper has started since it was saved with these settings, so
   * that the caller searches for the user's groups itself.
   */
  GroupMemberships forSync(ComponentModel mapper, Supplier<GroupMemberships> reader) {
    Read read = byMapper.get(mapper.getId());
    if (read == null || !read.fingerprint.equals(DirectoryGroups.fingerprint(mapper))) {
      return null;
    }
    return read.get(reader);
  }

  /** Forgets the mapper's read (the mapper was removed or changed). */
  void forget(ComponentModel mapper) {
    byMapper.remove(mapper.getId());
  }

  private static final class Read {
    private final String fingerprint;
    private SoftReference<GroupMemberships> memberships = new SoftReference<>(null);

    Read(String fingerprint) {
      this.fingerprint = fingerprint;
    }

    // One reader at a time: the users of one sync run one after another, and a second sync of the
    // same directory waits for the first read instead of making its own.
    synchronized GroupMemberships get(Supplier<GroupMemberships> reader) {
      GroupMemberships current = memberships.get();
      if (current == null) {
        current = reader.get();
        memberships = new SoftReference<>(current);
      }
      return current;
    }
  }
}
