package org.tessera.projects.rest.dto;

/** A new project: its name, and a template (empty, python-notebook, flask-api, dashboard, scheduled-script). */
public record CreateProjectRequest(String name, String template, String description) {}
