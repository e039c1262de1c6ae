package org.tessera.projects.rest.dto;

/** The user who should own the project. */
public record TransferRequest(String owner) {}
