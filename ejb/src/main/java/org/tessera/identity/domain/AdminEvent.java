package org.tessera.identity.domain;

import java.time.Instant;

/** An admin event Keycloak stored: who (user and client) did which operation to which resource. */
public record AdminEvent(Instant time, String operation, String resourceType, String resourcePath, String user, String client, String ipAddress, String error)
    implements java.io.Serializable {}
