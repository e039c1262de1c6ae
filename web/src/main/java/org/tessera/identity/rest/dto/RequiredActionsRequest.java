package org.tessera.identity.rest.dto;

import java.util.List;

/** The user's required actions, replacing the current ones; an empty list clears them. */
public record RequiredActionsRequest(List<String> actions) {}
