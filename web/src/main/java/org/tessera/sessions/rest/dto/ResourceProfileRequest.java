package org.tessera.sessions.rest.dto;

import java.util.Map;

/** A profile to save; {@code userVisible} defaults to true, {@code gpus} to 0. */
public record ResourceProfileRequest(String description, Boolean userVisible, Boolean isDefault, String cpu, String memory, Integer gpus, Map<String, String> nodeSelector) {}
