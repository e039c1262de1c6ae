package org.tessera.identity.rest.dto;

/** A new password; {@code temporary} (default true) makes the user choose another at the next sign-in. */
public record PasswordResetRequest(String password, Boolean temporary) {}
