package org.tessera.identity.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.tessera.identity.domain.UserProfile;
import org.wildfly.security.http.oidc.AccessToken;
import org.wildfly.security.http.oidc.OidcSecurityContext;
import org.wildfly.security.http.oidc.RealmAccessClaim;

/**
 * The signed-in user of this request, read from the token that WildFly's OIDC client has already
 * verified (signature, expiry, issuer, audience). The same for the browser session and for bearer
 * tokens, so Faces pages and REST resources see one user.
 */
@RequestScoped
public class CurrentUser {

  @Inject HttpServletRequest request;

  /** Empty when the request is not authenticated (public pages). */
  public Optional<UserProfile> profile() {
    return token().map(CurrentUser::profileOf);
  }

  /** The Keycloak session the token belongs to, when it says. */
  public Optional<String> sessionId() {
    return token().map(t -> t.getClaimValueAsString("sid"));
  }

  /** The OAuth client the token was issued to (tessera-web, tessera-cli, ...). */
  public Optional<String> client() {
    return token().map(t -> t.getClaimValueAsString("azp"));
  }

  /** The raw ID token of a browser session, for ending the Keycloak session at sign-out. */
  public Optional<String> idToken() {
    return securityContext().map(OidcSecurityContext::getIDTokenString);
  }

  private Optional<AccessToken> token() {
    return securityContext().map(OidcSecurityContext::getToken);
  }

  private Optional<OidcSecurityContext> securityContext() {
    return Optional.ofNullable((OidcSecurityContext) request.getAttribute(OidcSecurityContext.class.getName()));
  }

  /** The signed-in user of a servlet request outside CDI's request scope (the session proxy). */
  public static Optional<UserProfile> of(jakarta.servlet.ServletRequest request) {
    return Optional.ofNullable((OidcSecurityContext) request.getAttribute(OidcSecurityContext.class.getName())).map(OidcSecurityContext::getToken).map(CurrentUser::profileOf);
  }

  static UserProfile profileOf(AccessToken token) {
    RealmAccessClaim realmAccess = token.getRealmAccessClaim();
    List<String> roles = realmAccess == null || realmAccess.getRoles() == null ? List.of() : realmAccess.getRoles();
    List<String> groups = token.hasClaim("groups") ? token.getStringListClaimValue("groups") : List.of();
    return new UserProfile(token.getPreferredUsername(), token.getEmail(), token.getName(), roles, groups);
  }
}
