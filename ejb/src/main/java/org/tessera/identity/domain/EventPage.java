package org.tessera.identity.domain;

import java.util.List;

/** One page of events, newest first. Keycloak does not count events: {@code more} says whether another page follows. */
public record EventPage<E>(List<E> events, int page, int size, boolean more) implements java.io.Serializable {}
