package org.tessera.identity.rest.dto;

import java.util.List;
import org.tessera.identity.domain.GroupRulePreview;

/** What the rules give: the user's directory groups, each rule with the groups it matched, the resulting roles and groups. */
public record GroupRulePreviewResponse(
    String username, String userDn, List<String> directoryGroups, List<RuleOutcome> rules, List<String> roles, List<String> groups, boolean savedRules) {

  /** A rule as a syntax line and the directory groups it matched (empty: it gives nothing here). */
  public record RuleOutcome(String rule, List<String> matchedGroups) {}

  public static GroupRulePreviewResponse from(GroupRulePreview p) {
    return new GroupRulePreviewResponse(p.username(), p.userDn(), p.directoryGroups(), p.rules().stream().map(r -> new RuleOutcome(r.rule(), r.matchedGroups())).toList(),
        p.roles(), p.groups(), p.savedRules());
  }
}
