package org.tessera.identity.domain;

import java.time.Instant;
import java.util.Map;

/** A login event Keycloak stored: sign-ins, failures, sign-outs, token exchanges. {@code error} is null on success. */
public record RealmEvent(Instant time, String type, String username, String userId, String client, String ipAddress, String error, Map<String, String> details)
    implements java.io.Serializable {}
