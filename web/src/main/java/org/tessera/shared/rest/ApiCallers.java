package org.tessera.shared.rest;

import jakarta.ejb.EJBAccessException;
import jakarta.ws.rs.NotAuthorizedException;
import org.tessera.identity.domain.Roles;
import org.tessera.identity.domain.UserProfile;
import org.tessera.identity.web.CurrentUser;

/** The caller of an administrators' endpoint: 401 with a Bearer challenge when no one is signed in, 403 for anyone but {@code ae-admin}. */
public final class ApiCallers {

  private ApiCallers() {}

  public static UserProfile admin(CurrentUser currentUser) {
    UserProfile caller = currentUser.profile().orElseThrow(() -> new NotAuthorizedException("Bearer"));
    if (!caller.hasRole(Roles.ADMIN)) {
      throw new EJBAccessException("ae-admin only");
    }
    return caller;
  }
}
