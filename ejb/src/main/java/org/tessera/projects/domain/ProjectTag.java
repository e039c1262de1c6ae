package org.tessera.projects.domain;

import java.time.Instant;

/** A version: a git tag on a commit, with its message and who made it (lightweight tags have neither). */
public record ProjectTag(String name, String commitId, String message, String taggerName, Instant time) {}
