package org.tessera.projects.rest.dto;

/** A version to create: {@code revision} defaults to the newest commit of main. */
public record TagRequest(String name, String revision, String message) {}
