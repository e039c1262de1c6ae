package org.tessera.deployments.rest.dto;

/** {@code kind} is {@code user} or {@code group}. */
public record ShareRequest(String kind, String name) {}
