package org.tessera.ldap.mappers.rules;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Who is in which directory group, from one read of every group's membership attribute: the
 * in-memory answer to the per-user search "groups whose {@code member} names this user".
 *
 * <p>Members are named by DN ({@code member}, compared as LDAP compares DNs: case and spaces around
 * separators ignored, see {@link GroupDns#normalize}) or by a user attribute such as the uid
 * ({@code memberUid}, compared exactly, as RFC 2307 does). With {@code nested}, groups reached
 * through member groups count too, as Active Directory's LDAP_MATCHING_RULE_IN_CHAIN does; the
 * chain is followed through the groups read (those under the mapper's groups DN), and cycles end.
 */
public final class GroupMemberships {

  private final boolean membersByDn;
  private final Map<String, Set<String>> groupsByMember = new HashMap<>();
  private final Set<String> groupKeys = new HashSet<>();
  private int memberships;

  /** An empty index; {@code membersByDn} false means members are named by a user attribute. */
  public GroupMemberships(boolean membersByDn) {
    this.membersByDn = membersByDn;
  }

  /** Records the members of one group, as its membership attribute lists them. */
  public void addGroup(String groupDn, Iterable<String> members) {
    groupKeys.add(GroupDns.normalize(groupDn));
    for (String member : members) {
      if (member != null && !member.isBlank()) {
        groupsByMember.computeIfAbsent(key(member), k -> new LinkedHashSet<>()).add(groupDn);
        memberships++;
      }
    }
  }

  /** How many groups were read. */
  public int groups() {
    return groupKeys.size();
  }

  /** How many membership values were read (a measure of the index's size). */
  public int memberships() {
    return memberships;
  }

  /**
   * The DNs of the groups {@code member} (a user's DN, or its attribute value with UID membership)
   * is in: directly, and with {@code nested} also through groups that are members of groups.
   */
  public Set<String> groupsOf(String member, boolean nested) {
    Set<String> direct = groupsByMember.getOrDefault(key(member), Set.of());
    if (!nested || !membersByDn) {
      return Set.copyOf(direct);
    }
    Set<String> found = new HashSet<>(direct);
    Deque<String> toVisit = new ArrayDeque<>(direct);
    while (!toVisit.isEmpty()) {
      for (String parent : groupsByMember.getOrDefault(key(toVisit.pop()), Set.of())) {
        if (found.add(parent)) {
          toVisit.push(parent);
        }
      }
    }
    return Set.copyOf(found);
  }

  private String key(String member) {
    return membersByDn ? GroupDns.normalize(member) : member.strip();
  }
}
