package org.tessera.identity.rest.dto;

import org.tessera.identity.domain.ConnectionCheck;

/** The outcome of a connection or authentication test; {@code message} says what to fix. */
public record ConnectionCheckResponse(boolean ok, String message) {

  public static ConnectionCheckResponse from(ConnectionCheck c) {
    return new ConnectionCheckResponse(c.ok(), c.message());
  }
}
