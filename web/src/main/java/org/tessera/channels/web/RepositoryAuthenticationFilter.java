package org.tessera.channels.web;

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
 * Who a package client is. Public channels need no credentials (the seed's default); for private
 * ones a client sends a personal access token as HTTP Basic ({@code user:TOKEN}, what pip and
 * twine send), as a bearer token, or in conda's token URL form {@code /repository/conda/t/TOKEN/...}.
 * Credentials that are sent but wrong, expired or revoked are refused at once rather than treated
 * as anonymous, so a client learns that its token stopped working.
 */
@WebFilter("/repository/*")
public class RepositoryAuthenticationFilter extends HttpFilter {

  static final String USER = RepositoryAuthenticationFilter.class.getName() + ".user";
  static final String CHALLENGE = "Basic realm=\"Tessera channels\", charset=\"UTF-8\"";

  @EJB AccessTokenService tokens;
  @Inject UserLookup users;

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
    Optional<String> pathToken = RepositoryPaths.condaToken(request.getRequestURI().substring(request.getContextPath().length()));
    String header = request.getHeader("Authorization");
    if (pathToken.isEmpty() && header == null) {
      chain.doFilter(request, response);
      return;
    }
    Optional<String> username = pathToken.isPresent() ? tokens.authenticate(pathToken.get()) : fromHeader(header);
    Optional<UserProfile> user = username.flatMap(users::profile);
    if (user.isEmpty()) {
      refuse(response, "The token was not accepted: it is wrong, expired or revoked, or its user is disabled. "
          + "Create a new one under Access tokens, or with: tessera tokens create NAME.");
      return;
    }
    request.setAttribute(USER, user.get());
    chain.doFilter(request, response);
  }

  private Optional<String> fromHeader(String header) {
    if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return tokens.authenticate(header.substring(7).strip());
    }
    // Some tools send the token as the password of an empty user, "token" or "__token__".
    return BasicCredentials.parse(header).flatMap(c -> c.user().isEmpty() || c.user().equals("token") || c.user().equals("__token__")
        ? tokens.authenticate(c.secret()) : tokens.authenticate(c.user(), c.secret()));
  }

  static void refuse(HttpServletResponse response, String detail) throws IOException {
    response.setHeader("WWW-Authenticate", CHALLENGE);
    RepositoryProblems.send(response, 401, "channel-unauthorized", "Sign-in needed", detail);
  }

  static Optional<UserProfile> user(HttpServletRequest request) {
    return Optional.ofNullable((UserProfile) request.getAttribute(USER));
  }
}
