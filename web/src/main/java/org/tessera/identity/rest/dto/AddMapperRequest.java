package org.tessera.identity.rest.dto;

import java.util.Map;

/** A stock mapper to add: Keycloak's {@code type}, an optional {@code name}, and {@code config} over the vendor's defaults (Keycloak's keys, one value each). */
public record AddMapperRequest(String type, String name, Map<String, String> config) {}
