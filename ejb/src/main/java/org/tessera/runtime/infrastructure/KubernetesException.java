package org.tessera.runtime.infrastructure;

import io.kubernetes.client.openapi.ApiException;

/** The Kubernetes API refused or failed a request of the {@code kubernetes} runtime. */
public class KubernetesException extends RuntimeException {

  private final int status;

  KubernetesException(String action, ApiException cause) {
    super(action + " failed: HTTP " + cause.getCode() + " " + body(cause), cause);
    this.status = cause.getCode();
  }

  /** The API server's HTTP status; 0 when it could not be reached. */
  public int status() {
    return status;
  }

  private static String body(ApiException cause) {
    String body = cause.getResponseBody();
    return body == null || body.isBlank() ? String.valueOf(cause.getMessage()) : body.strip();
  }
}
