package org.tessera.projects.domain;

import java.time.Instant;
import java.util.List;

/** One commit of a project's history. */
public record ProjectCommit(String id, String authorName, String authorEmail, Instant time, String message, List<String> parents, List<String> tags) {}
