package org.tessera.identity.rest.dto;

import java.util.List;
import org.tessera.identity.domain.GroupRule;

/** One rule: {@code match} {@code cn} or {@code dn}, a {@code pattern} ({@code *} wildcard), the realm {@code roles} and/or Keycloak {@code groups} it gives. */
public record GroupRuleBody(String match, String pattern, List<String> roles, List<String> groups) {

  public static GroupRuleBody from(GroupRule r) {
    return new GroupRuleBody(r.match(), r.pattern(), r.roles(), r.groups());
  }

  public GroupRule toRule() {
    return new GroupRule(match, pattern, roles, groups);
  }
}
