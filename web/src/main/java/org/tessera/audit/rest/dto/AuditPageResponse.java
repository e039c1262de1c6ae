package org.tessera.audit.rest.dto;

import java.util.List;
import org.tessera.audit.domain.AuditPage;

/** A page of audit events with the total that match, for paging. */
public record AuditPageResponse(List<AuditEventResponse> events, long total, int page, int size) {

  public static AuditPageResponse from(AuditPage page) {
    return new AuditPageResponse(
        page.events().stream().map(AuditEventResponse::from).toList(), page.total(), page.page(), page.size());
  }
}
