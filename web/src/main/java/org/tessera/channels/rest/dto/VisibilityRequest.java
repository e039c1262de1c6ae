package org.tessera.channels.rest.dto;

import jakarta.json.bind.annotation.JsonbProperty;

/** {@code {"private": true|false}}. */
public record VisibilityRequest(@JsonbProperty("private") Boolean isPrivate) {}
