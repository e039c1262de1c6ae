package org.tessera.projects.domain;

/** A file of a project at some version; {@code link} for symbolic links. */
public record ProjectFileEntry(String path, long size, boolean link) {}
