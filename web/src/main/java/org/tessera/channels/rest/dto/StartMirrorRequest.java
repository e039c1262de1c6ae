package org.tessera.channels.rest.dto;

/** Starts a mirror: {@code type} conda or pypi, {@code config} the seed's YAML as text, {@code clean} the seed's {@code -c}. */
public record StartMirrorRequest(String type, String config, Boolean clean) {}
