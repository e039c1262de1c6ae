package org.tessera.identity.domain;

import java.util.List;

/**
 * What the group rules give one directory user (or a member of one group), before or after saving.
 *
 * @param username the user previewed; null for a group preview
 * @param userDn the user's entry in the directory; null for a group preview
 * @param directoryGroups DNs of the user's directory groups, as the mapper finds them at sign-in
 * @param rules each rule with the groups it matched (empty: it gives this user nothing)
 * @param roles realm roles the rules give
 * @param groups Keycloak group paths the rules give
 * @param savedRules whether the saved rules were used (false: the rules sent with the request)
 */
public record GroupRulePreview(String username, String userDn, List<String> directoryGroups, List<RuleOutcome> rules, List<String> roles, List<String> groups, boolean savedRules)
    implements java.io.Serializable {

  /** One rule (as a syntax line) and the directory groups it matched. */
  public record RuleOutcome(String rule, List<String> matchedGroups) implements java.io.Serializable {}
}
