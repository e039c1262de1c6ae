package org.tessera.identity.domain;

/** The answer of a connection or authentication test; {@code message} says what to fix when not ok. */
public record ConnectionCheck(boolean ok, String message) {}
