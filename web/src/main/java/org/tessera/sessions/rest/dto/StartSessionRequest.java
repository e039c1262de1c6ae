package org.tessera.sessions.rest.dto;

/** Both optional: the Jupyter Notebook and the default resource profile. */
public record StartSessionRequest(String editor, String resourceProfile) {}
