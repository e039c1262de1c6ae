package org.tessera.identity.rest.dto;

import java.util.List;
import org.tessera.identity.domain.RealmUserPage;

/** One page of users; pages start at 0. */
public record UserPageResponse(List<UserResponse> users, long total, int page, int size) {

  public static UserPageResponse from(RealmUserPage p) {
    return new UserPageResponse(p.users().stream().map(UserResponse::from).toList(), p.total(), p.page(), p.size());
  }
}
