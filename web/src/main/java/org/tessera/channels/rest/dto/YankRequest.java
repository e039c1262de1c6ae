package org.tessera.channels.rest.dto;

/** {@code {"yanked": true, "reason": "..."}}: PEP 592 yanking of a PyPI file. */
public record YankRequest(Boolean yanked, String reason) {}
