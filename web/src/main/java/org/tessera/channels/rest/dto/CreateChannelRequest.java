package org.tessera.channels.rest.dto;

import jakarta.json.bind.annotation.JsonbProperty;

/** {@code {"name", "type": "conda"|"pypi", "private"}}; conda and public by default, as in the seed. */
public record CreateChannelRequest(String name, String type, @JsonbProperty("private") Boolean isPrivate) {}
