package org.tessera.deployments.web;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import org.tessera.deployments.domain.DeploymentToken;

/**
 * Runs before WildFly's security and the servlets' path matching: turns a request to a host under
 * the apps domain into its {@code /apps/{name}/} form, and takes a deployment token ({@code Authorization: Bearer tsd_...})
 * off a request to {@code /apps/} and puts it in a header of its own for {@link
 * DeploymentProxyHandler}. Left in place, WildFly's OIDC client would try to read it as a Keycloak
 * token and answer 401 before the proxy could check it.
 */
final class DeploymentTokenHeader implements HttpHandler {

  static final HttpString TOKEN = new HttpString("X-Tessera-Deployment-Token");

  private final HttpHandler next;

  DeploymentTokenHeader(HttpHandler next) {
    this.next = next;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    // Only the proxy may put a token here; a client's own header is dropped.
    exchange.getRequestHeaders().remove(TOKEN);
    DeploymentProxyHandler.underAppsDomain(exchange);
    if (exchange.getRelativePath().startsWith(DeploymentProxyHandler.PREFIX)) {
      HeaderValues authorization = exchange.getRequestHeaders().get(Headers.AUTHORIZATION);
      String value = authorization == null ? null : authorization.getFirst();
      if (value != null && value.regionMatches(true, 0, "Bearer ", 0, 7) && DeploymentToken.looksLikeOne(value.substring(7).strip())) {
        exchange.getRequestHeaders().remove(Headers.AUTHORIZATION);
        exchange.getRequestHeaders().put(TOKEN, value.substring(7).strip());
      }
    }
    next.handleRequest(exchange);
  }
}
