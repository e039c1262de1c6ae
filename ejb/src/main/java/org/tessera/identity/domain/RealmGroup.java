package org.tessera.identity.domain;

import java.util.List;

/** A Keycloak group with the realm roles granted to it (its members inherit them). */
public record RealmGroup(String id, String name, String path, List<String> realmRoles) implements java.io.Serializable {}
