package org.tessera.identity.web;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.tessera.identity.application.SignInService;

/** Tells the sign-in service about every authenticated request; it audits each session once. */
@WebFilter("/*")
public class SignInAuditFilter extends HttpFilter {

  @EJB SignInService signIns;
  @Inject CurrentUser currentUser;

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    currentUser
        .signedIn()
        .ifPresent(
            user ->
                signIns.seen(
                    user,
                    currentUser.sessionId().orElse(null),
                    request.getRemoteAddr(),
                    currentUser.client().orElse("unknown")));
    chain.doFilter(request, response);
  }
}
