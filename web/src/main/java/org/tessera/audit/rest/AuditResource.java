package org.tessera.audit.rest;

import jakarta.ejb.EJB;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.tessera.audit.application.AuditService;
import org.tessera.audit.domain.AuditQuery;
import org.tessera.audit.rest.dto.AuditPageResponse;

/** {@code /api/v1/audit}: the platform's audit trail, newest first (role {@code ae-admin}). */
@Path("/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

  @EJB AuditService audit;

  /**
   * @param actor exact user name
   * @param action action prefix, e.g. {@code identity} or {@code api.post}
   * @param from inclusive start, ISO-8601 (e.g. {@code 2026-11-25T10:00:00Z})
   * @param to exclusive end, ISO-8601
   */
  @GET
  public AuditPageResponse search(
      @QueryParam("actor") String actor,
      @QueryParam("action") String action,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("50") int size) {
    AuditQuery query = new AuditQuery(actor, action, Timestamps.parse("from", from), Timestamps.parse("to", to), page, size);
    return AuditPageResponse.from(audit.search(query));
  }
}
