/**
 * Projects: a data scientist's work as a git repository whose {@code anaconda-project.yml}
 * declares its packages, environments, commands, variables, downloads and services. {@link
 * org.tessera.projects.domain.ProjectSpec} is that file understood; {@link
 * org.tessera.projects.domain.ProjectSpecParser} reads it and reports every problem with its line.
 */
package org.tessera.projects.domain;
