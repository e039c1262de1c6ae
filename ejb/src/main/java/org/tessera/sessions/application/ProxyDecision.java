package org.tessera.sessions.application;

/**
 * What the proxy does with a request to a session: forward it to {@code target}, or answer with
 * {@code status} and {@code message}.
 */
public record ProxyDecision(int status, ProxyTarget target, String projectId, String message) {

  public static ProxyDecision forward(ProxyTarget target) {
    return new ProxyDecision(200, target, target.projectId(), null);
  }

  public static ProxyDecision refuse(int status, String projectId, String message) {
    return new ProxyDecision(status, null, projectId, message);
  }

  public boolean allowed() {
    return target != null;
  }
}
