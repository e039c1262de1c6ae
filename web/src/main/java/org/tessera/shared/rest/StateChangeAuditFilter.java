package org.tessera.shared.rest;

import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.Locale;
import java.util.Set;
import org.tessera.audit.application.AuditRecord;
import org.tessera.audit.application.AuditService;
import org.tessera.audit.domain.AuditEvent.Outcome;

/**
 * Writes an audit event for every state-changing API call (POST, PUT, PATCH, DELETE), whether it
 * succeeded or was refused: who, which method and path, the status, and the client address.
 * Services add finer events of their own where the path alone does not tell the story.
 */
@Provider
public class StateChangeAuditFilter implements ContainerResponseFilter {

  private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

  @EJB AuditService audit;
  @Context HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    String method = request.getMethod();
    if (!STATE_CHANGING.contains(method)) {
      return;
    }
    Principal caller = request.getSecurityContext().getUserPrincipal();
    int status = response.getStatus();
    audit.record(
        new AuditRecord(
            caller == null ? "anonymous" : caller.getName(),
            "api." + method.toLowerCase(Locale.ROOT),
            "/api/" + request.getUriInfo().getPath().replaceFirst("^/", ""),
            servletRequest == null ? null : servletRequest.getRemoteAddr(),
            status < 400 ? Outcome.SUCCESS : Outcome.FAILURE,
            "HTTP " + status));
  }
}
