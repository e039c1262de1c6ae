package org.tessera.projects.rest.dto;

import java.util.List;
import org.tessera.audit.domain.AuditPage;

/** A page of a project's activity, newest first. */
public record ActivityResponse(List<Event> events, long total, int page, int size) {

  /** One thing that happened to the project. */
  public record Event(String time, String actor, String action, String detail, String outcome) {}

  public static ActivityResponse from(AuditPage page) {
    return new ActivityResponse(
        page.events().stream().map(e -> new Event(e.occurredAt().toInstant().toString(), e.actor(), e.action(), e.detail(), e.outcome().name())).toList(),
        page.total(),
        page.page(),
        page.size());
  }
}
