package org.tessera.shared.domain;

/**
 * Who may reach a project's sessions and apps may have changed (a share removed, a project given
 * away or deleted, a session stopped): caches of access decisions drop what they hold for it.
 *
 * @param projectId the project, or null when only {@code sessionId} changed
 * @param sessionId the session, or null for the whole project
 */
public record AccessChanged(String projectId, String sessionId) {}
