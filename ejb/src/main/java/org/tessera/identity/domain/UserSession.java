package org.tessera.identity.domain;

import java.time.Instant;
import java.util.List;

/** One active Keycloak session of a user: where from, since when, last used, and by which clients. */
public record UserSession(String id, String ipAddress, Instant started, Instant lastAccess, List<String> clients) implements java.io.Serializable {}
