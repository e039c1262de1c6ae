package org.tessera.identity.rest.dto;

import java.util.List;
import org.tessera.identity.domain.GroupRuleSettings;

/**
 * A directory's group rules and how its groups are found (the rule mapper's settings). In a
 * request, empty fields keep the current values; {@code rules} replaces all rules ({@code []}
 * removes the rule mapper). {@code mapperId} is only answered.
 */
public record GroupRulesBody(
    String mapperId,
    List<GroupRuleBody> rules,
    String groupsDn,
    String groupObjectClasses,
    String membershipAttribute,
    String membershipType,
    String membershipUserAttribute,
    Boolean nestedAdGroups) {

  public static GroupRulesBody from(GroupRuleSettings s) {
    return new GroupRulesBody(s.mapperId(), s.rules().stream().map(GroupRuleBody::from).toList(), s.groupsDn(), s.groupObjectClasses(), s.membershipAttribute(),
        s.membershipType(), s.membershipUserAttribute(), s.nestedAdGroups());
  }

  public GroupRuleSettings toSettings() {
    return new GroupRuleSettings(null, rules == null ? null : rules.stream().map(r -> r == null ? null : r.toRule()).toList(), groupsDn, groupObjectClasses,
        membershipAttribute, membershipType, membershipUserAttribute, nestedAdGroups);
  }
}
