package org.tessera.identity.rest.dto;

import java.util.List;
import org.tessera.identity.domain.GroupRulePreviewRequest;
import org.tessera.identity.domain.GroupRuleSettings;

/**
 * Preview for {@code username} or {@code group} (a DN, or a name under the groups DN); with {@code
 * rules} the unsaved rules are used (other empty fields keep the saved settings), without them the
 * saved rules.
 */
public record GroupRulePreviewRequestBody(
    String username,
    String group,
    List<GroupRuleBody> rules,
    String groupsDn,
    String groupObjectClasses,
    String membershipAttribute,
    String membershipType,
    String membershipUserAttribute,
    Boolean nestedAdGroups) {

  public GroupRulePreviewRequest toRequest() {
    boolean unsaved = rules != null || groupsDn != null || groupObjectClasses != null || membershipAttribute != null || membershipType != null
        || membershipUserAttribute != null || nestedAdGroups != null;
    return new GroupRulePreviewRequest(username, group, unsaved ? new GroupRulesBody(null, rules, groupsDn, groupObjectClasses, membershipAttribute, membershipType,
        membershipUserAttribute, nestedAdGroups).toSettings() : null);
  }
}
