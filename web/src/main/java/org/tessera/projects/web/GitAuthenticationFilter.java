package org.tessera.projects.web;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.tessera.identity.application.AccessTokenService;
import org.tessera.identity.domain.UserLookup;
import org.tessera.identity.domain.UserProfile;
import org.tessera.shared.web.BasicCredentials;

/**
 * Git clients authenticate with HTTP Basic: the Tessera user name and a personal access token as
 * the password. A missing or wrong pair gets 401 with a Basic challenge, which is what makes git
 * ask for (or send) credentials. The user's profile (groups and roles from Keycloak, which decide
 * access to shared projects) is then available to the git servlet as {@link #USER}; a user
 * Keycloak no longer knows or has disabled is refused like a wrong token.
 */
@WebFilter("/git/*")
public class GitAuthenticationFilter extends HttpFilter {

  static final String USER = GitAuthenticationFilter.class.getName() + ".user";

  @EJB AccessTokenService tokens;
  @Inject UserLookup users;

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
    Optional<UserProfile> user = BasicCredentials.parse(request.getHeader("Authorization")).filter(c -> !c.user().isEmpty()).flatMap(c -> tokens.authenticate(c.user(), c.secret())).flatMap(users::profile);
    if (user.isEmpty()) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"Tessera git\", charset=\"UTF-8\"");
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response.setContentType("text/plain;charset=UTF-8");
      response.getWriter()
          .write("Sign in with your Tessera user name and a personal access token as the password "
              + "(create one under Access tokens, or with: tessera tokens create NAME).\n");
      return;
    }
    request.setAttribute(USER, user.get());
    chain.doFilter(request, response);
  }
}
