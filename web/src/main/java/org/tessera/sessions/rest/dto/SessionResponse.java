package org.tessera.sessions.rest.dto;

import java.util.Locale;
import org.tessera.sessions.application.SessionView;

/** A session; {@code url} is the path under Tessera's origin where the proxy serves its editor. */
public record SessionResponse(String id, String url, String status, String reason, String projectId, String project, String owner, String editor, String resourceProfile, String createdAt, String since) {

  public static SessionResponse from(SessionView view) {
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
        view.since() == null ? null : view.since().toString());
  }
}
