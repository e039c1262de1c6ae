package org.tessera.channels.domain;

/** One thing wrong in a mirror's YAML, where it is (1-based line and column) and how to fix it. */
public record MirrorConfigProblem(String key, int line, int column, String message) {}
