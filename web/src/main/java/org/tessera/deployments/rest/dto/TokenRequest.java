package org.tessera.deployments.rest.dto;

/** Days until the token expires; 30 when left out. */
public record TokenRequest(Integer expiresInDays) {}
