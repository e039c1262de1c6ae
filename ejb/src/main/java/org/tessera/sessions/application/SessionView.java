package org.tessera.sessions.application;

import java.time.Instant;
import org.tessera.runtime.domain.WorkloadPhase;
import org.tessera.sessions.domain.Session;

/** A session with its project's {@code owner/name} and what the runtime says about it now. */
public record SessionView(Session session, String project, WorkloadPhase phase, String reason, Instant since) {}
