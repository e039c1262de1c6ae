package org.tessera.identity.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;
import org.tessera.identity.domain.Roles;
import org.tessera.identity.domain.UserLookup;
import org.tessera.identity.domain.UserProfile;
import org.wildfly.security.http.oidc.AccessToken;
import org.wildfly.security.http.oidc.OidcSecurityContext;
import org.wildfly.security.http.oidc.RealmAccessClaim;

/**
 * The signed-in user of this request, read from the token that WildFly's OIDC client has already
 * verified (signature, expiry, issuer, audience). The same for the browser session and for bearer
 * tokens, so Faces pages and REST resources see one user.
 *
 * <p>Impersonation: an administrator's browser session (client {@code tessera-web}) may act as
 * another user ({@link ActingAs} in the HTTP session). {@link #profile()} is then that user, with
 * the roles and groups Keycloak gives them now; {@link #signedIn()} stays the administrator, who is
 * the one audited. Bearer tokens (API, CLI) never act as anyone.
 */
@RequestScoped
public class CurrentUser {

  /** The HTTP session attribute holding an {@link ActingAs}. */
  public static final String ACTING_AS = "tessera.actingAs";

  /** An administrator acting as {@code username} in this browser session. */
  public record ActingAs(String admin, String username) implements java.io.Serializable {}

  @Inject HttpServletRequest request;
  @Inject UserLookup users;

  /** Who this request acts for: the impersonated user while an admin acts as one, else the signed-in user. Empty when not authenticated. */
  public Optional<UserProfile> profile() {
    Optional<UserProfile> signedIn = signedIn();
    return signedIn.map(real -> actingAs(real).flatMap(a -> {
      Optional<UserProfile> other = users.profile(a.username());
      if (other.isEmpty()) {
        // Disabled or removed meanwhile: back to the administrator's own view.
        stopActing();
      }
      return other;
    }).orElse(real));
  }

  /** The user the token was issued to, whatever they act as. */
  public Optional<UserProfile> signedIn() {
    return token().map(CurrentUser::profileOf);
  }

  /** The impersonation in progress in this browser session, if any. */
  public Optional<ActingAs> actingAs() {
    return signedIn().flatMap(this::actingAs);
  }

  /** Starts acting as {@code username}; the caller has checked and audited it. */
  public void startActing(String username) {
    UserProfile admin = signedIn().orElseThrow();
    request.getSession(true).setAttribute(ACTING_AS, new ActingAs(admin.username(), username));
  }

  public void stopActing() {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.removeAttribute(ACTING_AS);
    }
  }

  private Optional<ActingAs> actingAs(UserProfile real) {
    HttpSession session = request.getSession(false);
    if (session == null || !(session.getAttribute(ACTING_AS) instanceof ActingAs acting)) {
      return Optional.empty();
    }
    // Only the administrator who started it, still an administrator, in the browser.
    if (!acting.admin().equals(real.username()) || !real.hasRole(Roles.ADMIN) || !"tessera-web".equals(client().orElse(null))) {
      return Optional.empty();
    }
    return Optional.of(acting);
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
