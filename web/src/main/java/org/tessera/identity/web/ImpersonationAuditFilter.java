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
import org.tessera.audit.application.AuditRecord;
import org.tessera.audit.application.AuditService;
import org.tessera.audit.domain.AuditEvent.Outcome;

/**
 * While an administrator acts as another user, every form they submit is audited under the
 * administrator's own name: the services record the impersonated user as the actor, this record
 * says who really acted.
 */
@WebFilter("*.xhtml")
public class ImpersonationAuditFilter extends HttpFilter {

  @EJB AuditService audit;
  @Inject CurrentUser currentUser;

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
    if ("POST".equals(request.getMethod())) {
      currentUser.actingAs().ifPresent(a -> audit.record(new AuditRecord(a.admin(), "identity.impersonated-request", "user:" + a.username(), request.getRemoteAddr(),
          Outcome.SUCCESS, "as " + a.username() + ": POST " + request.getRequestURI())));
    }
    chain.doFilter(request, response);
  }
}
