package org.tessera.identity.domain;

import java.util.List;
import java.util.Map;

/**
 * One LDAP storage mapper of a directory as Keycloak holds it: Keycloak's stock mappers
 * (user-attribute, group-ldap-mapper, role-ldap-mapper, hardcoded role, MSAD account controls) and
 * Tessera's. Config values are Keycloak's (each an array of strings); mappers hold no secrets.
 */
public record DirectoryMapper(String id, String name, String type, Map<String, List<String>> config) implements java.io.Serializable {}
