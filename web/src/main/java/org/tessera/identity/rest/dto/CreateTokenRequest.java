package org.tessera.identity.rest.dto;

/** A new personal access token; {@code expiresInDays} defaults to 90. */
public record CreateTokenRequest(String name, Integer expiresInDays) {

  public static final int DEFAULT_DAYS = 90;

  public int days() {
    return expiresInDays == null ? DEFAULT_DAYS : expiresInDays;
  }
}
