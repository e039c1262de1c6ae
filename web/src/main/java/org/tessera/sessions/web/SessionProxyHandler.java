package org.tessera.sessions.web;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.proxy.LoadBalancingProxyClient;
import io.undertow.server.handlers.proxy.ProxyHandler;
import io.undertow.servlet.handlers.ServletRequestContext;
import io.undertow.util.Headers;
import io.undertow.util.SameThreadExecutor;
import io.undertow.util.StatusCodes;
import jakarta.enterprise.inject.spi.CDI;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.tessera.identity.domain.UserProfile;
import org.tessera.identity.web.CurrentUser;
import org.tessera.sessions.application.ProxyDecision;
import org.tessera.sessions.application.ProxyTarget;

/**
 * {@code /s/{id}/...}: Undertow's reverse proxy to the session's editor, after WildFly has
 * authenticated the request (browser session or bearer token) and {@link SessionProxyAuthorizer}
 * has allowed it. The request keeps its Host header (Jupyter checks websocket origins against it),
 * gets {@code X-Forwarded-*}, and carries the session's secret instead of the user's credentials,
 * so the editor never sees a Tessera token and the user never sees the editor's secret. Streams
 * both ways, keeps backend connections alive, and passes websocket upgrades through.
 */
final class SessionProxyHandler implements HttpHandler {

  static final String PREFIX = "/s/";

  private final HttpHandler next;
  private final Map<String, Backend> backends = new ConcurrentHashMap<>();

  private record Backend(int port, ProxyHandler handler) {}

  SessionProxyHandler(HttpHandler next) {
    this.next = next;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    String path = exchange.getRelativePath();
    if (!path.startsWith(PREFIX)) {
      next.handleRequest(exchange);
      return;
    }
    int slash = path.indexOf('/', PREFIX.length());
    String sessionId = path.substring(PREFIX.length(), slash < 0 ? path.length() : slash);
    if (slash < 0) {
      exchange.setStatusCode(StatusCodes.FOUND);
      exchange.getResponseHeaders().put(Headers.LOCATION, exchange.getRequestURI() + "/");
      exchange.endExchange();
      return;
    }
    ServletRequestContext servlet = exchange.getAttachment(ServletRequestContext.ATTACHMENT_KEY);
    Optional<UserProfile> user = servlet == null ? Optional.empty() : CurrentUser.of(servlet.getServletRequest());
    if (user.isEmpty()) {
      refuse(exchange, StatusCodes.UNAUTHORIZED, "Sign in to Tessera to open this session.");
      return;
    }
    SessionProxyAuthorizer authorizer = CDI.current().select(SessionProxyAuthorizer.class).get();
    ProxyDecision decision = authorizer.decide(user.get(), sessionId);
    if (!decision.allowed()) {
      refuse(exchange, decision.status(), decision.message());
      return;
    }
    authorizer.touched(sessionId);
    ProxyTarget target = decision.target();
    exchange.getRequestHeaders().put(Headers.AUTHORIZATION, "token " + target.secret());
    ProxyHandler proxy = backend(target).handler();
    // Leave the servlet machinery: the exchange is finished by the proxy, not by the servlet.
    exchange.dispatch(SameThreadExecutor.INSTANCE, proxy);
  }

  private Backend backend(ProxyTarget target) {
    return backends.compute(target.sessionId(), (id, known) -> {
      if (known != null && known.port() == target.port()) {
        return known;
      }
      LoadBalancingProxyClient client = new LoadBalancingProxyClient().setConnectionsPerThread(20).setSoftMaxConnectionsPerThread(10).setTtl(60_000);
      client.addHost(URI.create("http://" + target.host() + ":" + target.port()));
      ProxyHandler handler = ProxyHandler.builder().setProxyClient(client).setMaxRequestTime(-1).setRewriteHostHeader(false).setReuseXForwarded(false).build();
      return new Backend(target.port(), handler);
    });
  }

  private static void refuse(HttpServerExchange exchange, int status, String message) {
    exchange.setStatusCode(status);
    boolean html = Optional.ofNullable(exchange.getRequestHeaders().getFirst(Headers.ACCEPT)).map(a -> a.contains("text/html")).orElse(false);
    if (html) {
      exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/html;charset=UTF-8");
      exchange.getResponseSender().send("<!DOCTYPE html><html><head><title>Tessera</title></head><body><h1>" + StatusCodes.getReason(status) + "</h1><p id=\"reason\">"
          + org.tessera.shared.web.Html.escape(message) + "</p><p><a href=\"/sessions.xhtml\">Your sessions</a></p></body></html>", StandardCharsets.UTF_8);
    } else {
      exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/problem+json");
      exchange.getResponseSender().send("{\"type\":\"urn:tessera:problem:session-" + status + "\",\"title\":\"" + StatusCodes.getReason(status) + "\",\"status\":" + status
          + ",\"detail\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}", StandardCharsets.UTF_8);
    }
  }
}
