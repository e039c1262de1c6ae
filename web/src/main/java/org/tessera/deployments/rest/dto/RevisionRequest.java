package org.tessera.deployments.rest.dto;

/** A version of the project to serve: a tag, a branch or a commit. */
public record RevisionRequest(String revision) {}
