package org.tessera.sessions.rest.dto;

import java.util.Locale;
import org.tessera.runtime.domain.WorkloadUsage;
import org.tessera.sessions.application.SessionView;

/**
 * A session; {@code url} is the path under Tessera's origin where the proxy serves its editor.
 * {@code cpuCores} and {@code memoryBytes} are null when the runtime does not report them ({@code
 * usageSource} then says why); {@code limits} is {@code enforced} or {@code advisory}, explained by
 * {@code limitsNote}.
 */
public record SessionResponse(
    String id,
    String url,
    String status,
    String reason,
    String projectId,
    String project,
    String owner,
    String editor,
    String resourceProfile,
    String createdAt,
    String since,
    Double cpuCores,
    Long memoryBytes,
    String usageSource,
    String limits,
    String limitsNote) {

  public static SessionResponse from(SessionView view) {
    WorkloadUsage usage = view.usage();
    return new SessionResponse(
        view.session().id(),
        view.session().path(),
        view.phase().name().toLowerCase(Locale.ROOT),
        view.reason(),
        view.session().projectId(),
        view.project(),
        view.session().owner(),
        view.session().editor(),
        view.session().profile(),
        view.session().createdAt().toInstant().toString(),
        view.since() == null ? null : view.since().toString(),
        usage == null ? null : usage.cpuCores(),
        usage == null ? null : usage.memoryBytes(),
        usage == null ? "not reported" : usage.source(),
        usage == null ? null : usage.limits().name().toLowerCase(Locale.ROOT),
        usage == null ? null : usage.limitsNote());
  }
}
