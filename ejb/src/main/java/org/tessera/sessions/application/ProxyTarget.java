package org.tessera.sessions.application;

/** Where the proxy forwards a session's traffic, and the secret it adds for the editor. */
public record ProxyTarget(String sessionId, String projectId, String host, int port, String secret) {}
