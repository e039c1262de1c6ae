package org.tessera.sessions.application;

import java.time.Instant;
import org.tessera.runtime.domain.WorkloadPhase;
import org.tessera.runtime.domain.WorkloadUsage;
import org.tessera.sessions.domain.Session;

/**
 * A session with its project's {@code owner/name} and what the runtime says about it now: its
 * phase, and the CPU and memory it uses with how its limits are applied.
 */
public record SessionView(Session session, String project, WorkloadPhase phase, String reason, Instant since, WorkloadUsage usage) {}
